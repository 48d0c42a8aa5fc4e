import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalAccounts, portalSettings, sellers, staffUsers } from '@/db/schema';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';

/**
 * Credential checks for both kinds of user. An unknown email, a wrong password
 * and an account that is not active all answer null after the same scrypt
 * work, so neither the answer nor its timing tells which.
 */
export async function verifyStaffCredentials(db: DbOrTx, email: string, password: string) {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !ok || user.status !== 'active') return null;
  await db.update(staffUsers).set({ lastSignInAt: new Date() }).where(eq(staffUsers.id, user.id));
  return user;
}

export async function verifyCustomerCredentials(
  db: DbOrTx,
  sellerId: number,
  email: string,
  password: string,
) {
  const [account] = await db
    .select()
    .from(portalAccounts)
    .where(
      and(
        eq(portalAccounts.sellerId, sellerId),
        sql`lower(${portalAccounts.email}) = ${email.trim().toLowerCase()}`,
      ),
    )
    .limit(1);
  const ok = await verifyPassword(password, account?.passwordHash ?? (await decoyPasswordHash()));
  if (!account || !ok || account.status !== 'active') return null;
  await db
    .update(portalAccounts)
    .set({ lastSignInAt: new Date() })
    .where(eq(portalAccounts.id, account.id));
  return account;
}

/** The staff member behind a session, if the session is still valid (active, same session version). */
export async function loadStaffSession(db: DbOrTx, staffUserId: number, sessionVersion: number) {
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
  portalAccountId: number,
  sessionVersion: number,
  sellerId: number,
) {
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
    })
    .from(portalAccounts)
    .innerJoin(organizations, eq(organizations.id, portalAccounts.organizationId))
    .innerJoin(sellers, eq(sellers.id, portalAccounts.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, portalAccounts.sellerId))
    .where(and(eq(portalAccounts.id, portalAccountId), eq(portalAccounts.sellerId, sellerId)))
    .limit(1);
  if (!row || row.status !== 'active' || row.sessionVersion !== sessionVersion) return null;
  return row;
}

export type StaffSession = NonNullable<Awaited<ReturnType<typeof loadStaffSession>>>;
export type CustomerSession = NonNullable<Awaited<ReturnType<typeof loadCustomerSession>>>;
