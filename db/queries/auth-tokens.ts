import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { authTokens, type AuthToken, type TokenPurpose } from '@/db/schema';

/** Whose link it is: a back-office user or a portal account. */
export type AccountSubject = { kind: 'staff'; id: number } | { kind: 'customer'; id: number };

/** Activation links last a week; sign-in and password-reset links a quarter of an hour. */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  activation: 7 * 24 * 60 * 60,
  sign_in: 15 * 60,
  password_reset: 15 * 60,
};

/** 256 random bits, URL-safe. Only its SHA-256 is stored. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function subjectColumn(subject: AccountSubject) {
  return subject.kind === 'staff' ? authTokens.staffUserId : authTokens.portalAccountId;
}

/**
 * Issues a new one-time link for an account. Older open links of the same
 * purpose are revoked in the same statement batch, so only the newest works.
 * Returns the token itself, which exists only in the email.
 */
export async function issueAuthToken(
  tx: DbOrTx,
  params: { sellerId: number; purpose: TokenPurpose; subject: AccountSubject; now?: Date },
): Promise<string> {
  const now = params.now ?? new Date();
  await tx
    .update(authTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(subjectColumn(params.subject), params.subject.id),
        eq(authTokens.purpose, params.purpose),
        isNull(authTokens.usedAt),
        isNull(authTokens.revokedAt),
      ),
    );
  const token = newTokenSecret();
  await tx.insert(authTokens).values({
    sellerId: params.sellerId,
    tokenHash: hashToken(token),
    purpose: params.purpose,
    staffUserId: params.subject.kind === 'staff' ? params.subject.id : null,
    portalAccountId: params.subject.kind === 'customer' ? params.subject.id : null,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS[params.purpose] * 1000),
    createdAt: now,
  });
  return token;
}

/** Revokes every open link of an account (it was disabled). */
export async function revokeOpenAuthTokens(tx: DbOrTx, subject: AccountSubject, now = new Date()): Promise<void> {
  await tx
    .update(authTokens)
    .set({ revokedAt: now })
    .where(and(eq(subjectColumn(subject), subject.id), isNull(authTokens.usedAt), isNull(authTokens.revokedAt)));
}

export type TokenState = 'valid' | 'used' | 'expired' | 'replaced';

export function tokenState(row: AuthToken, now = new Date()): TokenState {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'replaced';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

/** Looks a link up without changing anything (opening a link must never use it). */
export async function findAuthToken(db: DbOrTx, token: string): Promise<AuthToken | null> {
  if (!token) return null;
  const [row] = await db.select().from(authTokens).where(eq(authTokens.tokenHash, hashToken(token))).limit(1);
  return row ?? null;
}

/**
 * Uses a link: one conditional update, so of two concurrent submissions only
 * one gets the row. Null when the link is unknown, of another purpose or
 * seller, used, replaced or expired.
 */
export async function consumeAuthToken(
  tx: DbOrTx,
  params: { token: string; purpose: TokenPurpose; sellerId?: number; kind: AccountSubject['kind']; now?: Date },
): Promise<AuthToken | null> {
  if (!params.token) return null;
  const now = params.now ?? new Date();
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(params.token)),
        eq(authTokens.purpose, params.purpose),
        params.sellerId === undefined ? undefined : eq(authTokens.sellerId, params.sellerId),
        isNotNull(params.kind === 'staff' ? authTokens.staffUserId : authTokens.portalAccountId),
        isNull(authTokens.usedAt),
        isNull(authTokens.revokedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export function tokenSubject(row: AuthToken): AccountSubject {
  return row.staffUserId !== null ? { kind: 'staff', id: row.staffUserId } : { kind: 'customer', id: row.portalAccountId! };
}
