import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalAccounts, staffUsers, type AccountStatus } from '@/db/schema';
import type { AccountSubject } from './auth-tokens';

/** Staff emails are unique per seller only; one person may work for a few sellers. */
export const MAX_STAFF_ACCOUNTS_PER_EMAIL = 5;

/**
 * One view over both kinds of account (staff users and portal accounts), so
 * the one-time-link flows are written once.
 */
export type Account = {
  subject: AccountSubject;
  sellerId: number;
  name: string;
  email: string;
  status: AccountStatus;
  sessionVersion: number;
  hasPassword: boolean;
  organizationName: string | null;
};

/** Where an account lives: the back office, or one seller's portal. */
export type AccountArea = { kind: 'staff' } | { kind: 'customer'; sellerId: number };

const staffColumns = {
  id: staffUsers.id,
  sellerId: staffUsers.sellerId,
  name: staffUsers.name,
  email: staffUsers.email,
  status: staffUsers.status,
  sessionVersion: staffUsers.sessionVersion,
  passwordHash: staffUsers.passwordHash,
};
const customerColumns = {
  id: portalAccounts.id,
  sellerId: portalAccounts.sellerId,
  name: portalAccounts.name,
  email: portalAccounts.email,
  status: portalAccounts.status,
  sessionVersion: portalAccounts.sessionVersion,
  passwordHash: portalAccounts.passwordHash,
  organizationName: organizations.name,
};

type Row = { id: number; sellerId: number; name: string; email: string; status: AccountStatus; sessionVersion: number; passwordHash: string | null; organizationName?: string };

function toAccount(kind: AccountSubject['kind'], row: Row): Account {
  return {
    subject: { kind, id: row.id },
    sellerId: row.sellerId,
    name: row.name,
    email: row.email,
    status: row.status,
    sessionVersion: row.sessionVersion,
    hasPassword: row.passwordHash !== null,
    organizationName: row.organizationName ?? null,
  };
}

/** An account of one seller: the subject of a token or an invitation, named with the seller it must belong to. */
export type FindAccountParams = { sellerId: number; subject: AccountSubject; forUpdate?: boolean };

/** The account, or null when it does not exist or belongs to another seller. */
export async function findAccount(db: DbOrTx, params: FindAccountParams): Promise<Account | null> {
  const { sellerId, subject } = params;
  if (subject.kind === 'staff') {
    const query = db
      .select(staffColumns)
      .from(staffUsers)
      .where(and(eq(staffUsers.id, subject.id), eq(staffUsers.sellerId, sellerId)))
      .limit(1);
    const [row] = params.forUpdate ? await query.for('update') : await query;
    return row ? toAccount('staff', row) : null;
  }
  const query = db
    .select(customerColumns)
    .from(portalAccounts)
    .innerJoin(organizations, eq(organizations.id, portalAccounts.organizationId))
    .where(and(eq(portalAccounts.id, subject.id), eq(portalAccounts.sellerId, sellerId)))
    .limit(1);
  const [row] = params.forUpdate ? await query.for('update', { of: portalAccounts }) : await query;
  return row ? toAccount('customer', row) : null;
}

/**
 * The accounts an email names in an area: at most one in a portal; in the
 * back office one per seller the person works for (staff emails are unique
 * per seller only), a few at most.
 */
export async function findAccountsByEmail(db: DbOrTx, params: { area: AccountArea; email: string }): Promise<Account[]> {
  const { area } = params;
  const normalized = params.email.trim().toLowerCase();
  if (area.kind === 'staff') {
    const rows = await db
      .select(staffColumns)
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${normalized}`)
      .orderBy(asc(staffUsers.id))
      .limit(MAX_STAFF_ACCOUNTS_PER_EMAIL);
    return rows.map((row) => toAccount('staff', row));
  }
  const [row] = await db
    .select(customerColumns)
    .from(portalAccounts)
    .innerJoin(organizations, eq(organizations.id, portalAccounts.organizationId))
    .where(and(eq(portalAccounts.sellerId, area.sellerId), sql`lower(${portalAccounts.email}) = ${normalized}`))
    .limit(1);
  return row ? [toAccount('customer', row)] : [];
}

/**
 * Sets a new password. `activate` turns an invited account active;
 * `endSessions` bumps the session version so every open session stops working.
 * Returns the session version to put in the new session.
 */
export async function setAccountPassword(
  tx: DbOrTx,
  subject: AccountSubject,
  params: { passwordHash: string; activate: boolean; endSessions: boolean; now?: Date },
): Promise<number> {
  const now = params.now ?? new Date();
  if (subject.kind === 'staff') {
    const [row] = await tx
      .update(staffUsers)
      .set({
        passwordHash: params.passwordHash,
        lastSignInAt: now,
        ...(params.activate ? { status: 'active' as const } : {}),
        ...(params.endSessions ? { sessionVersion: sql`${staffUsers.sessionVersion} + 1` } : {}),
      })
      .where(eq(staffUsers.id, subject.id))
      .returning({ sessionVersion: staffUsers.sessionVersion });
    return row!.sessionVersion;
  }
  const [row] = await tx
    .update(portalAccounts)
    .set({
      passwordHash: params.passwordHash,
      lastSignInAt: now,
      ...(params.activate ? { status: 'active' as const, activatedAt: now } : {}),
      ...(params.endSessions ? { sessionVersion: sql`${portalAccounts.sessionVersion} + 1` } : {}),
    })
    .where(eq(portalAccounts.id, subject.id))
    .returning({ sessionVersion: portalAccounts.sessionVersion });
  return row!.sessionVersion;
}

export async function recordSignIn(tx: DbOrTx, subject: AccountSubject, now = new Date()): Promise<void> {
  if (subject.kind === 'staff') {
    await tx.update(staffUsers).set({ lastSignInAt: now }).where(eq(staffUsers.id, subject.id));
  } else {
    await tx.update(portalAccounts).set({ lastSignInAt: now }).where(eq(portalAccounts.id, subject.id));
  }
}

/**
 * Disables (ending every session: status and session version change
 * together) or re-enables an account. Re-enabled accounts that never set a
 * password go back to invited.
 */
export async function setAccountEnabled(tx: DbOrTx, subject: AccountSubject, enabled: boolean): Promise<AccountStatus> {
  const table = subject.kind === 'staff' ? staffUsers : portalAccounts;
  const status = enabled
    ? sql`case when ${table.passwordHash} is null then 'invited' else 'active' end::account_status`
    : sql`'disabled'::account_status`;
  const [row] = await tx
    .update(table)
    .set({ status, sessionVersion: sql`${table.sessionVersion} + 1` })
    .where(eq(table.id, subject.id))
    .returning({ status: table.status });
  return row!.status;
}

/**
 * Signing out: moves the account's session version on, so the session just
 * ended (and any copy of its cookie, or the account's other sessions) no
 * longer passes loadStaffSession/loadCustomerSession. Only when the cookie's
 * version is still current: an old cookie has nothing left to end.
 */
export async function endAccountSession(
  db: DbOrTx,
  params: { subject: AccountSubject; sessionVersion: number; sellerId?: number },
): Promise<boolean> {
  const { subject, sessionVersion } = params;
  if (subject.kind === 'staff') {
    const rows = await db
      .update(staffUsers)
      .set({ sessionVersion: sql`${staffUsers.sessionVersion} + 1` })
      .where(and(eq(staffUsers.id, subject.id), eq(staffUsers.sessionVersion, sessionVersion)))
      .returning({ id: staffUsers.id });
    return rows.length > 0;
  }
  if (params.sellerId === undefined) return false;
  const rows = await db
    .update(portalAccounts)
    .set({ sessionVersion: sql`${portalAccounts.sessionVersion} + 1` })
    .where(
      and(
        eq(portalAccounts.id, subject.id),
        eq(portalAccounts.sellerId, params.sellerId),
        eq(portalAccounts.sessionVersion, sessionVersion),
      ),
    )
    .returning({ id: portalAccounts.id });
  return rows.length > 0;
}
