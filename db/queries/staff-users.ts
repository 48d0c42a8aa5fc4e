import { and, asc, eq, ne, sql } from 'drizzle-orm';
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
      const account = (await findAccount(tx, { kind: 'staff', id: row!.id }))!;
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
  if (!user) return { error: 'That staff user was not found.' };
  if (user.id === manager.staffUserId) return { error: 'You cannot change your own account here.' };
  if (!mayManageRole(manager, user.role)) return { error: 'Only an owner can change an owner or an admin.' };
  return { user };
}

export async function resendStaffInvite(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number } & LinkContext,
): Promise<ActionResult<{ messageId: number }>> {
  const found = await manageableUser(db, params.manager, params.staffUserId);
  if ('error' in found) return fail(found.error);
  if (found.user.status !== 'invited') return fail('Only an invited user can get a fresh invitation.');
  const account = (await findAccount(db, { kind: 'staff', id: found.user.id }))!;
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
  const found = await manageableUser(db, params.manager, params.staffUserId);
  if ('error' in found) return fail(found.error);
  const { user } = found;
  if ((user.status === 'disabled') === !params.enabled) return ok({ status: user.status });
  return db.transaction(async (tx) => {
    const subject = { kind: 'staff' as const, id: user.id };
    const status = await setAccountEnabled(tx, subject, params.enabled);
    if (!params.enabled) await revokeOpenAuthTokens(tx, subject);
    await recordAudit(tx, {
      sellerId: params.manager.sellerId,
      actor: { staffUserId: params.manager.staffUserId, name: params.manager.name },
      action: params.enabled ? 'staff_user.enable' : 'staff_user.disable',
      entityType: 'staff_user',
      entityId: user.id,
      details: { email: user.email },
    });
    return ok({ status }, params.enabled ? `${user.name} can sign in again.` : `${user.name} is disabled and signed out.`);
  });
}

/** Owners change roles; the seller always keeps at least one active owner (the one changing it). */
export async function changeStaffRole(
  db: DbOrTx,
  params: { manager: StaffManager; staffUserId: number; role: StaffRole },
): Promise<ActionResult<{ role: StaffRole }>> {
  if (params.manager.role !== 'owner') return fail('Only an owner can change roles.');
  const found = await manageableUser(db, params.manager, params.staffUserId);
  if ('error' in found) return fail(found.error);
  if (found.user.role === params.role) return ok({ role: params.role });
  return db.transaction(async (tx) => {
    await tx
      .update(staffUsers)
      .set({ role: params.role })
      .where(and(eq(staffUsers.id, found.user.id), eq(staffUsers.sellerId, params.manager.sellerId), ne(staffUsers.id, params.manager.staffUserId)));
    await recordAudit(tx, {
      sellerId: params.manager.sellerId,
      actor: { staffUserId: params.manager.staffUserId, name: params.manager.name },
      action: 'staff_user.role',
      entityType: 'staff_user',
      entityId: found.user.id,
      details: { from: found.user.role, to: params.role },
    });
    return ok({ role: params.role }, `${found.user.name} is now ${params.role === 'admin' ? 'an admin' : `a ${params.role}`}.`);
  });
}
