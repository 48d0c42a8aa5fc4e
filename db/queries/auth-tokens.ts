import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { intArray } from '@/db/sql-arrays';
import type { DbOrTx } from '@/db';
import { authTokens, type AuthToken, type TokenPurpose } from '@/db/schema';

/** Whose link it is: a back-office user or a portal account. */
export type AccountSubject = { kind: 'staff'; id: number } | { kind: 'customer'; id: number };

/** Activation links last a week; sign-in and password-reset links a quarter of an hour; a new email address a day. */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  activation: 7 * 24 * 60 * 60,
  sign_in: 15 * 60,
  password_reset: 15 * 60,
  email_change: 24 * 60 * 60,
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
 * Issues a new one-time link for each account (all of one kind). Older open
 * links of the same purpose are revoked first, so only the newest works; a few
 * statements whatever the number of accounts. Returns the tokens themselves,
 * in the order of the subjects; they exist only in the emails.
 */
export async function issueAuthTokens(
  tx: DbOrTx,
  params: { sellerId: number; purpose: TokenPurpose; subjects: readonly AccountSubject[]; newEmail?: string; now?: Date },
): Promise<string[]> {
  const now = params.now ?? new Date();
  const { subjects } = params;
  if (!subjects.length) return [];
  const kind = subjects[0]!.kind;
  if (subjects.some((s) => s.kind !== kind)) throw new Error('issueAuthTokens takes accounts of one kind');
  await tx
    .update(authTokens)
    .set({ revokedAt: now })
    .where(
      and(
        sql`${subjectColumn(subjects[0]!)} = any(${intArray(subjects.map((s) => s.id))})`,
        eq(authTokens.sellerId, params.sellerId),
        eq(authTokens.purpose, params.purpose),
        isNull(authTokens.usedAt),
        isNull(authTokens.revokedAt),
      ),
    );
  const tokens = subjects.map(() => newTokenSecret());
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_SECONDS[params.purpose] * 1000);
  // A batch of rows per statement: PostgreSQL binds at most 65,535 parameters to one.
  for (let i = 0; i < subjects.length; i += 1000) {
    await tx.insert(authTokens).values(
      subjects.slice(i, i + 1000).map((subject, j) => ({
        sellerId: params.sellerId,
        tokenHash: hashToken(tokens[i + j]!),
        purpose: params.purpose,
        staffUserId: subject.kind === 'staff' ? subject.id : null,
        portalAccountId: subject.kind === 'customer' ? subject.id : null,
        newEmail: params.newEmail ?? null,
        expiresAt,
        createdAt: now,
      })),
    );
  }
  return tokens;
}

/** Issues a new one-time link for one account (see issueAuthTokens). */
export async function issueAuthToken(
  tx: DbOrTx,
  params: { sellerId: number; purpose: TokenPurpose; subject: AccountSubject; newEmail?: string; now?: Date },
): Promise<string> {
  const [token] = await issueAuthTokens(tx, { ...params, subjects: [params.subject] });
  return token!;
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
