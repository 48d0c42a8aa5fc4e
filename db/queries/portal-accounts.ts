import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { organizations, portalAccounts } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { recordAudit, type AuditActor } from './audit';
import { saved, type Saved } from './saved';
import { revokeOpenAuthTokens } from './auth-tokens';
import { findAccount, setAccountEnabled } from './account-store';
import { sendAccountLink, type LinkContext } from './account-links';

/** The portal accounts of one organization, for its Customer Portal tab. */
export async function listPortalAccounts(db: DbOrTx, params: { sellerId: number; organizationId: number }) {
  return db
    .select({
      id: portalAccounts.id,
      name: portalAccounts.name,
      email: portalAccounts.email,
      status: portalAccounts.status,
      invitedAt: portalAccounts.invitedAt,
      activatedAt: portalAccounts.activatedAt,
      lastSignInAt: portalAccounts.lastSignInAt,
    })
    .from(portalAccounts)
    .where(and(eq(portalAccounts.sellerId, params.sellerId), eq(portalAccounts.organizationId, params.organizationId)))
    .orderBy(asc(portalAccounts.name), asc(portalAccounts.id));
}

export type PortalAccountRow = Awaited<ReturnType<typeof listPortalAccounts>>[number];

/** Who changes the accounts: the seller's staff (or a script), as the audit log records them. */
type AccountWriter = { sellerId: number; actor: AuditActor };

/**
 * "Add a Customer Portal Account": creates the invited account, its
 * activation link and the invitation email in one transaction.
 */
export async function invitePortalAccount(
  db: DbOrTx,
  params: AccountWriter & { organizationId: number; name: string; email: string } & LinkContext,
): Promise<Saved<{ portalAccountId: number; messageId: number }>> {
  const [org] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, params.organizationId), eq(organizations.sellerId, params.sellerId)))
    .limit(1);
  if (!org) throw new Refusal('That organization was not found.', { code: 'not_found' });
  const email = params.email.trim();
  const TAKEN = 'This email already has a Customer Portal account with you.';
  const taken = () => new Refusal(TAKEN, { code: 'conflict', fieldErrors: { email: [TAKEN] } });
  const [existing] = await db
    .select({ id: portalAccounts.id })
    .from(portalAccounts)
    .where(and(eq(portalAccounts.sellerId, params.sellerId), sql`lower(${portalAccounts.email}) = ${email.toLowerCase()}`))
    .limit(1);
  if (existing) throw taken();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(portalAccounts)
        .values({ sellerId: params.sellerId, organizationId: org.id, name: params.name.trim(), email, status: 'invited' })
        .returning({ id: portalAccounts.id });
      const account = (await findAccount(tx, { sellerId: params.sellerId, subject: { kind: 'customer', id: row!.id } }))!;
      const messageId = await sendAccountLink(tx, account, 'activation', params);
      await recordAudit(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        action: 'portal_account.invite',
        entityType: 'portal_account',
        entityId: row!.id,
        details: { organizationId: org.id, email },
      });
      return saved({ portalAccountId: row!.id, messageId }, `Invitation sent to ${email}.`);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

async function accountOfSeller(db: DbOrTx, params: { sellerId: number; portalAccountId: number }) {
  const account = await findAccount(db, { sellerId: params.sellerId, subject: { kind: 'customer', id: params.portalAccountId } });
  return account && account.sellerId === params.sellerId ? account : null;
}

/** "Resend invite": a fresh activation link; the older one stops working. */
export async function resendPortalInvite(
  db: DbOrTx,
  params: AccountWriter & { portalAccountId: number } & LinkContext,
): Promise<Saved<{ messageId: number }>> {
  const account = await accountOfSeller(db, params);
  if (!account) throw new Refusal('That account was not found.', { code: 'not_found' });
  if (account.status !== 'invited') {
    throw new Refusal(account.status === 'active' ? 'This account is already active.' : 'Enable the account before resending its invitation.');
  }
  return db.transaction(async (tx) => {
    const messageId = await sendAccountLink(tx, account, 'activation', params);
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'portal_account.resend_invite',
      entityType: 'portal_account',
      entityId: account.subject.id,
    });
    return saved({ messageId }, `A fresh invitation was sent to ${account.email}.`);
  });
}

/**
 * Disable (every session of the account stops working on its next request,
 * open links are revoked) or enable again.
 */
export async function setPortalAccountEnabled(
  db: DbOrTx,
  params: AccountWriter & { portalAccountId: number; enabled: boolean },
): Promise<Saved<{ status: string }>> {
  const account = await accountOfSeller(db, params);
  if (!account) throw new Refusal('That account was not found.', { code: 'not_found' });
  if ((account.status === 'disabled') === !params.enabled) {
    return saved({ status: account.status }, params.enabled ? 'The account is already enabled.' : 'The account is already disabled.');
  }
  return db.transaction(async (tx) => {
    const status = await setAccountEnabled(tx, account.subject, params.enabled);
    if (!params.enabled) await revokeOpenAuthTokens(tx, account.subject);
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: params.enabled ? 'portal_account.enable' : 'portal_account.disable',
      entityType: 'portal_account',
      entityId: account.subject.id,
      details: { email: account.email },
    });
    return saved({ status }, params.enabled ? `${account.name} can sign in again.` : `${account.name} is disabled and signed out.`);
  });
}
