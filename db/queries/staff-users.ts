import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { auditEntries, staffUsers, type StaffRole } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { recordAudit, type StaffActor } from './audit';
import { saved, type Saved } from './saved';
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

/** The latest changes to the seller's staff users (invites, roles, disable/enable), newest first, with whom they were about. */
export async function recentStaffUserChanges(db: DbOrTx, params: { sellerId: number; limit?: number }) {
  return db
    .select({
      id: auditEntries.id,
      actorLabel: auditEntries.actorLabel,
      action: auditEntries.action,
      details: auditEntries.details,
      createdAt: auditEntries.createdAt,
      userName: staffUsers.name,
    })
    .from(auditEntries)
    .leftJoin(staffUsers, and(eq(staffUsers.id, auditEntries.entityId), eq(staffUsers.sellerId, auditEntries.sellerId)))
    .where(and(eq(auditEntries.sellerId, params.sellerId), eq(auditEntries.entityType, 'staff_user')))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(Math.min(params.limit ?? 10, 50));
}

export type StaffUserChange = Awaited<ReturnType<typeof recentStaffUserChanges>>[number];

/** The signed-in staff member doing the change: the audit actor with their seller and role. */
export type StaffManager = StaffActor & { sellerId: number; role: StaffRole };

/** The audit actor of a manager (their role and seller stay out of the log entry). */
function actorOf(manager: StaffManager): StaffActor {
  return { staffUserId: manager.staffUserId, name: manager.name };
}

const rank: Record<StaffRole, number> = { staff: 0, admin: 1, owner: 2 };
const roleWithArticle: Record<StaffRole, string> = { owner: 'an Owner', admin: 'an Admin', staff: 'Staff' };

/** Owners may give any role; admins invite and manage plain staff only. */
function mayManageRole(manager: StaffManager, role: StaffRole): boolean {
  return manager.role === 'owner' || (manager.role === 'admin' && rank[role] < rank.admin);
}

export async function inviteStaffUser(
  db: DbOrTx,
  params: { manager: StaffManager; name: string; email: string; role: StaffRole } & LinkContext,
): Promise<Saved<{ staffUserId: number; messageId: number }>> {
  const { manager } = params;
  if (!mayManageRole(manager, params.role)) throw new Refusal('Only an owner can invite an owner or an admin.', { code: 'forbidden' });
  const email = params.email.trim();
  // Only this seller's staff are looked at: whether the person works for
  // another seller is none of this seller's business (and never told).
  const TAKEN = 'This email already belongs to one of your staff users.';
  const taken = () => new Refusal(TAKEN, { code: 'conflict', fieldErrors: { email: [TAKEN] } });
  const [existing] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.sellerId, manager.sellerId), sql`lower(${staffUsers.email}) = ${email.toLowerCase()}`))
    .limit(1);
  if (existing) throw taken();
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
        actor: actorOf(manager),
        action: 'staff_user.invite',
        entityType: 'staff_user',
        entityId: row!.id,
        details: { email, role: params.role },
      });
      return saved({ staffUserId: row!.id, messageId }, `Invitation sent to ${email}.`);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

type StaffUserRecord = typeof staffUsers.$inferSelect;

async function manageableUser(db: DbOrTx, params: { manager: StaffManager; staffUserId: number }): Promise<StaffUserRecord> {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.id, params.staffUserId), eq(staffUsers.sellerId, params.manager.sellerId)))
    .limit(1);
  return checkManageable(params.manager, user, params.staffUserId);
}

/** The user the manager may change, or a refusal saying why not. */
function checkManageable(manager: StaffManager, user: StaffUserRecord | undefined, staffUserId: number): StaffUserRecord {
  if (!user) throw new Refusal('That staff user was not found.', { code: 'not_found' });
  if (staffUserId === manager.staffUserId) throw new Refusal('You cannot change your own account here.', { code: 'forbidden' });
  if (!mayManageRole(manager, user.role)) throw new Refusal('Only an owner can change an owner or an admin.', { code: 'forbidden' });
  return user;
}

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
  if (!me || me.status !== 'active') throw new Refusal('You do not have permission to do that.', { code: 'forbidden' });
  const current: StaffManager = { ...manager, role: me.role, name: me.name };
  if (options.ownerOnly && current.role !== 'owner') throw new Refusal(OWNERS_ONLY, { code: 'forbidden' });
  const user = checkManageable(current, rows.find((row) => row.id === staffUserId), staffUserId);
  const owners = rows.filter((row) => row.role === 'owner' && row.status === 'active');
  return { manager: current, user, owners };
}

/** Would the seller still have an active owner once `user` is no longer one? */
function leavesAnOwner(owners: StaffUserRecord[], user: StaffUserRecord): boolean {
  return owners.some((owner) => owner.id !== user.id);
}

export async function resendStaffInvite(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number } & LinkContext,
): Promise<Saved<{ messageId: number }>> {
  const user = await manageableUser(db, params);
  if (user.status !== 'invited') throw new Refusal('Only an invited user can get a fresh invitation.');
  const account = (await findAccount(db, { sellerId: params.manager.sellerId, subject: { kind: 'staff', id: user.id } }))!;
  return db.transaction(async (tx) => {
    const messageId = await sendAccountLink(tx, account, 'activation', params);
    await recordAudit(tx, {
      sellerId: params.manager.sellerId,
      actor: actorOf(params.manager),
      action: 'staff_user.resend_invite',
      entityType: 'staff_user',
      entityId: user.id,
    });
    return saved({ messageId }, `A fresh invitation was sent to ${user.email}.`);
  });
}

export async function setStaffUserEnabled(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number; enabled: boolean },
): Promise<Saved<{ status: string }>> {
  return db.transaction(async (tx) => {
    const { manager, user, owners } = await lockForChange(tx, params.manager, params.staffUserId);
    if ((user.status === 'disabled') === !params.enabled) return saved({ status: user.status });
    if (!params.enabled && user.role === 'owner' && !leavesAnOwner(owners, user)) throw new Refusal(NO_OWNER_LEFT);
    const subject = { kind: 'staff' as const, id: user.id };
    const status = await setAccountEnabled(tx, subject, params.enabled);
    if (!params.enabled) await revokeOpenAuthTokens(tx, subject);
    await recordAudit(tx, {
      sellerId: manager.sellerId,
      actor: actorOf(manager),
      action: params.enabled ? 'staff_user.enable' : 'staff_user.disable',
      entityType: 'staff_user',
      entityId: user.id,
      details: { name: user.name, email: user.email },
    });
    return saved({ status }, params.enabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out.`);
  });
}

/** Owners change roles; the seller always keeps at least one active owner. */
export async function changeStaffRole(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number; role: StaffRole },
): Promise<Saved<{ role: StaffRole }>> {
  if (params.manager.role !== 'owner') throw new Refusal(OWNERS_ONLY, { code: 'forbidden' });
  return db.transaction(async (tx) => {
    const { manager, user, owners } = await lockForChange(tx, params.manager, params.staffUserId, { ownerOnly: true });
    if (user.role === params.role) return saved({ role: params.role }, `${user.name} is already ${roleWithArticle[params.role]}; nothing changed.`);
    if (user.role === 'owner' && !leavesAnOwner(owners, user)) throw new Refusal(NO_OWNER_LEFT);
    await tx
      .update(staffUsers)
      .set({ role: params.role })
      .where(and(eq(staffUsers.id, user.id), eq(staffUsers.sellerId, manager.sellerId), ne(staffUsers.id, manager.staffUserId)));
    await recordAudit(tx, {
      sellerId: manager.sellerId,
      actor: actorOf(manager),
      action: 'staff_user.role',
      entityType: 'staff_user',
      entityId: user.id,
      details: { name: user.name, email: user.email, from: user.role, to: params.role },
    });
    return saved({ role: params.role }, `${user.name} is now ${roleWithArticle[params.role]}.`);
  });
}
