import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalAccounts, portalSettings, sellers, staffUsers, type StaffUser } from '@/db/schema';
import { MAX_STAFF_ACCOUNTS_PER_EMAIL } from './account-store';
import { cartSummaryColumn, parseCartSummary } from './cart-summary';
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from '@/lib/auth/password';

/**
 * Credential checks for both kinds of user. An unknown email, a wrong password
 * and an account that is not active all answer "no match" after the same
 * scrypt work, so neither the answer nor its timing tells which. verifyPassword
 * throws PasswordHashingBusy when this process is already hashing at its cap.
 */

export type StaffCredentialCheck =
  | { status: 'match'; user: StaffUser }
  | { status: 'none' }
  /** The password is right for more than one seller's account: the person must say which (a sign-in link names its company). */
  | { status: 'several' };

/** After a right password: record the sign-in, and move an old-parameter hash to today's. */
async function afterMatch(db: DbOrTx, table: typeof staffUsers | typeof portalAccounts, id: number, password: string, stored: string) {
  const passwordHash = needsRehash(stored) ? await hashPassword(password) : undefined;
  await db
    .update(table)
    .set({ lastSignInAt: new Date(), ...(passwordHash ? { passwordHash } : {}) })
    .where(eq(table.id, id));
}

export async function verifyStaffCredentials(
  db: DbOrTx,
  params: { email: string; password: string },
): Promise<StaffCredentialCheck> {
  const candidates = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${params.email.trim().toLowerCase()}`)
    .orderBy(asc(staffUsers.id))
    .limit(MAX_STAFF_ACCOUNTS_PER_EMAIL);
  if (!candidates.length) {
    await verifyPassword(params.password, decoyPasswordHash());
    return { status: 'none' };
  }
  const matches: StaffUser[] = [];
  for (const user of candidates) {
    const ok = await verifyPassword(params.password, user.passwordHash ?? decoyPasswordHash());
    if (ok && user.status === 'active') matches.push(user);
  }
  if (matches.length > 1) return { status: 'several' };
  const [user] = matches;
  if (!user) return { status: 'none' };
  await afterMatch(db, staffUsers, user.id, params.password, user.passwordHash!);
  return { status: 'match', user };
}

export async function verifyCustomerCredentials(
  db: DbOrTx,
  params: { sellerId: number; email: string; password: string },
) {
  const [account] = await db
    .select()
    .from(portalAccounts)
    .where(
      and(
        eq(portalAccounts.sellerId, params.sellerId),
        sql`lower(${portalAccounts.email}) = ${params.email.trim().toLowerCase()}`,
      ),
    )
    .limit(1);
  const ok = await verifyPassword(params.password, account?.passwordHash ?? decoyPasswordHash());
  if (!account || !ok || account.status !== 'active') return null;
  await afterMatch(db, portalAccounts, account.id, params.password, account.passwordHash!);
  return account;
}

/** The staff member behind a session, if the session is still valid (active, same session version). */
export async function loadStaffSession(db: DbOrTx, params: { staffUserId: number; sessionVersion: number }) {
  const { staffUserId, sessionVersion } = params;
  const [row] = await db
    .select({
      staffUserId: staffUsers.id,
      sellerId: staffUsers.sellerId,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      status: staffUsers.status,
      sessionVersion: staffUsers.sessionVersion,
      sellerName: sellers.name,
      sellerSlug: sellers.slug,
      currency: sellers.currency,
      locale: sellers.locale,
      timeZone: sellers.timeZone,
    })
    .from(staffUsers)
    .innerJoin(sellers, eq(sellers.id, staffUsers.sellerId))
    .where(eq(staffUsers.id, staffUserId))
    .limit(1);
  if (!row || row.status !== 'active' || row.sessionVersion !== sessionVersion) return null;
  return row;
}

/** The portal account behind a session at one seller, if still valid. */
export async function loadCustomerSession(
  db: DbOrTx,
  params: { sellerId: number; portalAccountId: number; sessionVersion: number },
) {
  const { sellerId, portalAccountId, sessionVersion } = params;
  const [row] = await db
    .select({
      portalAccountId: portalAccounts.id,
      sellerId: portalAccounts.sellerId,
      organizationId: portalAccounts.organizationId,
      organizationName: organizations.name,
      name: portalAccounts.name,
      email: portalAccounts.email,
      status: portalAccounts.status,
      sessionVersion: portalAccounts.sessionVersion,
      currency: sellers.currency,
      portalEnabled: portalSettings.enabled,
      // The header's cart count, in the same statement (every signed-in page reads both).
      cart: cartSummaryColumn({ sellerId, portalAccountId }),
    })
    .from(portalAccounts)
    .innerJoin(organizations, eq(organizations.id, portalAccounts.organizationId))
    .innerJoin(sellers, eq(sellers.id, portalAccounts.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, portalAccounts.sellerId))
    .where(and(eq(portalAccounts.id, portalAccountId), eq(portalAccounts.sellerId, sellerId)))
    .limit(1);
  if (!row || row.status !== 'active' || row.sessionVersion !== sessionVersion) return null;
  return { ...row, cart: parseCartSummary(row.cart) };
}

export type StaffSession = NonNullable<Awaited<ReturnType<typeof loadStaffSession>>>;
export type CustomerSession = NonNullable<Awaited<ReturnType<typeof loadCustomerSession>>>;
