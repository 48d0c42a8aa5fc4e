import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { staffUsers, type StaffRole } from '@/db/schema';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { recordAudit } from './audit';
import { revokeOpenAuthTokens } from './auth-tokens';
import { findAccount, setAccountEnabled } from './account-store';
import { sendAccountLink, type LinkContext } from './account-links';

/** Settings > Staff users: every back-office user of the seller. */
export async function listStaffUsers(db: DbOrTx, params: { sellerId: number }) {
  return db
    .select({
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
      status: staffUsers.status,
      lastSignInAt: staffUsers.lastSignInAt,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .where(eq(staffUsers.sellerId, params.sellerId))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
}

export type StaffUserRow = Awaited<ReturnType<typeof listStaffUsers>>[number];

/** The signed-in staff member doing the change. */
export type StaffManager = { sellerId: number; staffUserId: number; name: string; role: StaffRole };

const rank: Record<StaffRole, number> = { staff: 0, admin: 1, owner: 2 };

/** Owners may give any role; admins invite and manage plain staff only. */
function mayManageRole(manager: StaffManager, role: StaffRole): boolean {
  return manager.role === 'owner' || (manager.role === 'admin' && rank[role] < rank.admin);
}

export async function inviteStaffUser(
  db: DbOrTx,
  params: { manager: StaffManager; name: string; email: string; role: StaffRole } & LinkContext,
): Promise<ActionResult<{ staffUserId: number; messageId: number }>> {
  const { manager } = params;
  if (!mayManageRole(manager, params.role)) return fail('Only an owner can invite an owner or an admin.');
  const email = params.email.trim();
  // Only this seller's staff are looked at: whether the person works for
  // another seller is none of this seller's business (and never told).
  const taken = fail('This email already belongs to one of your staff users.', {
    email: ['This email already belongs to one of your staff users.'],
  });
  const [existing] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.sellerId, manager.sellerId), sql`lower(${staffUsers.email}) = ${email.toLowerCase()}`))
    .limit(1);
  if (existing) return taken;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(staffUsers)
        .values({ sellerId: manager.sellerId, name: params.name.trim(), email, role: params.role, status: 'invited' })
        .returning({ id: staffUsers.id });
      const account = (await findAccount(tx, { sellerId: manager.sellerId, subject: { kind: 'staff', id: row!.id } }))!;
      const messageId = await sendAccountLink(tx, account, 'activation', params);
      await recordAudit(tx, {
        sellerId: manager.sellerId,
        actor: { staffUserId: manager.staffUserId, name: manager.name },
        action: 'staff_user.invite',
        entityType: 'staff_user',
        entityId: row!.id,
        details: { email, role: params.role },
      });
      return ok({ staffUserId: row!.id, messageId }, `Invitation sent to ${email}.`);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

type StaffUserRecord = typeof staffUsers.$inferSelect;

async function manageableUser(
  db: DbOrTx,
  manager: StaffManager,
  staffUserId: number,
): Promise<{ error: string } | { user: StaffUserRecord }> {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.id, staffUserId), eq(staffUsers.sellerId, manager.sellerId)))
    .limit(1);
  return checkManageable(manager, user, staffUserId);
}

function checkManageable(
  manager: StaffManager,
  user: StaffUserRecord | undefined,
  staffUserId: number,
): { error: string } | { user: StaffUserRecord } {
  if (!user) return { error: 'That staff user was not found.' };
  if (staffUserId === manager.staffUserId) return { error: 'You cannot change your own account here.' };
  if (!mayManageRole(manager, user.role)) return { error: 'Only an owner can change an owner or an admin.' };
  return { user };
}

class StaffChangeRefused extends Error {}

const NO_OWNER_LEFT = 'The company must keep at least one active owner.';
const OWNERS_ONLY = 'Only an owner can change roles.';

/**
 * The start of every role or status change, inside its transaction: locks
 * the seller's owners together with the manager and the target (in id order,
 * so two changes never deadlock), then re-reads both. The session's copy of
 * the manager's role may be stale: two owners demoting or disabling each
 * other at once would otherwise both pass and leave the seller with no owner.
 * The second change now waits for the first and sees its result.
 */
async function lockForChange(
  tx: DbOrTx,
  manager: StaffManager,
  staffUserId: number,
  options: { ownerOnly?: boolean } = {},
): Promise<{ manager: StaffManager; user: StaffUserRecord; owners: StaffUserRecord[] }> {
  const rows = await tx
    .select()
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.sellerId, manager.sellerId),
        or(eq(staffUsers.role, 'owner'), inArray(staffUsers.id, [manager.staffUserId, staffUserId])),
      ),
    )
    .orderBy(asc(staffUsers.id))
    .for('update');
  const me = rows.find((row) => row.id === manager.staffUserId);
  if (!me || me.status !== 'active') throw new StaffChangeRefused('You do not have permission to do that.');
  const current: StaffManager = { ...manager, role: me.role, name: me.name };
  if (options.ownerOnly && current.role !== 'owner') throw new StaffChangeRefused(OWNERS_ONLY);
  const found = checkManageable(current, rows.find((row) => row.id === staffUserId), staffUserId);
  if ('error' in found) throw new StaffChangeRefused(found.error);
  const owners = rows.filter((row) => row.role === 'owner' && row.status === 'active');
  return { manager: current, user: found.user, owners };
}

/** Would the seller still have an active owner once `user` is no longer one? */
function leavesAnOwner(owners: StaffUserRecord[], user: StaffUserRecord): boolean {
  return owners.some((owner) => owner.id !== user.id);
}

async function refusalsAsResults<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StaffChangeRefused) return fail(error.message);
    throw error;
  }
}

export async function resendStaffInvite(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number } & LinkContext,
): Promise<ActionResult<{ messageId: number }>> {
  const found = await manageableUser(db, params.manager, params.staffUserId);
  if ('error' in found) return fail(found.error);
  if (found.user.status !== 'invited') return fail('Only an invited user can get a fresh invitation.');
  const account = (await findAccount(db, { sellerId: params.manager.sellerId, subject: { kind: 'staff', id: found.user.id } }))!;
  return db.transaction(async (tx) => {
    const messageId = await sendAccountLink(tx, account, 'activation', params);
    await recordAudit(tx, {
      sellerId: params.manager.sellerId,
      actor: { staffUserId: params.manager.staffUserId, name: params.manager.name },
      action: 'staff_user.resend_invite',
      entityType: 'staff_user',
      entityId: found.user.id,
    });
    return ok({ messageId }, `A fresh invitation was sent to ${found.user.email}.`);
  });
}

export async function setStaffUserEnabled(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number; enabled: boolean },
): Promise<ActionResult<{ status: string }>> {
  return refusalsAsResults(() =>
    db.transaction(async (tx) => {
      const { manager, user, owners } = await lockForChange(tx, params.manager, params.staffUserId);
      if ((user.status === 'disabled') === !params.enabled) return ok({ status: user.status });
      if (!params.enabled && user.role === 'owner' && !leavesAnOwner(owners, user)) return fail(NO_OWNER_LEFT);
      const subject = { kind: 'staff' as const, id: user.id };
      const status = await setAccountEnabled(tx, subject, params.enabled);
      if (!params.enabled) await revokeOpenAuthTokens(tx, subject);
      await recordAudit(tx, {
        sellerId: manager.sellerId,
        actor: { staffUserId: manager.staffUserId, name: manager.name },
        action: params.enabled ? 'staff_user.enable' : 'staff_user.disable',
        entityType: 'staff_user',
        entityId: user.id,
        details: { email: user.email },
      });
      return ok({ status }, params.enabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out.`);
    }),
  );
}

/** Owners change roles; the seller always keeps at least one active owner. */
export async function changeStaffRole(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number; role: StaffRole },
): Promise<ActionResult<{ role: StaffRole }>> {
  if (params.manager.role !== 'owner') return fail(OWNERS_ONLY);
  return refusalsAsResults(() =>
    db.transaction(async (tx) => {
      const { manager, user, owners } = await lockForChange(tx, params.manager, params.staffUserId, { ownerOnly: true });
      if (user.role === params.role) return ok({ role: params.role });
      if (user.role === 'owner' && !leavesAnOwner(owners, user)) return fail(NO_OWNER_LEFT);
      await tx
        .update(staffUsers)
        .set({ role: params.role })
        .where(and(eq(staffUsers.id, user.id), eq(staffUsers.sellerId, manager.sellerId), ne(staffUsers.id, manager.staffUserId)));
      await recordAudit(tx, {
        sellerId: manager.sellerId,
        actor: { staffUserId: manager.staffUserId, name: manager.name },
        action: 'staff_user.role',
        entityType: 'staff_user',
        entityId: user.id,
        details: { from: user.role, to: params.role },
      });
      return ok({ role: params.role }, `${user.name} is now ${params.role === 'admin' ? 'an admin' : `a ${params.role}`}.`);
    }),
  );
}
