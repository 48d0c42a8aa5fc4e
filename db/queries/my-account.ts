import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { authTokens, portalAccounts, staffUsers } from '@/db/schema';
import { decoyPasswordHash, verifyPassword } from '@/lib/auth/password';
import { enqueueEmail } from '@/lib/email/outbox';
import { emailChangedNoticeEmail, emailChangeLinkEmail } from '@/lib/email/templates/my-account';
import { isRefusal, Refusal } from '@/lib/refusal';
import { accountLinkUrl, inspectAccountLink, type LinkState, type LinkView } from './account-links';
import { findAccount, type Account, type AccountArea } from './account-store';
import { recordAudit, type AuditActor } from './audit';
import { consumeAuthToken, findAuthToken, issueAuthToken, revokeOpenAuthTokens, tokenSubject, type AccountSubject } from './auth-tokens';
import { findSellerBrand } from './seller-brand';

/**
 * My account, for a buyer or a staff member acting on their own account: the
 * subject and the seller always come from the session. A new email address
 * takes effect only when the link sent to it is used (by the form on its
 * page, never by opening it); the old address then gets a notice.
 */
export type OwnAccountParams = { sellerId: number; subject: AccountSubject };

function tableOf(subject: AccountSubject) {
  return subject.kind === 'staff' ? staffUsers : portalAccounts;
}

const entityTypeOf = (subject: AccountSubject) => (subject.kind === 'staff' ? 'staff_user' : 'portal_account');

/** Whether the password is the account's. The same scrypt work whether or not the account has one. */
export async function verifyOwnPassword(db: DbOrTx, params: OwnAccountParams & { password: string }): Promise<boolean> {
  const table = tableOf(params.subject);
  const [row] = await db
    .select({ passwordHash: table.passwordHash, status: table.status })
    .from(table)
    .where(and(eq(table.id, params.subject.id), eq(table.sellerId, params.sellerId)))
    .limit(1);
  const ok = await verifyPassword(params.password, row?.passwordHash ?? decoyPasswordHash());
  return ok && row?.passwordHash != null && row.status === 'active';
}

async function ownAccount(tx: DbOrTx, params: OwnAccountParams): Promise<Account> {
  const account = await findAccount(tx, { ...params, forUpdate: true });
  if (!account || account.status !== 'active') throw new Refusal('Your account was not found.', { code: 'not_found' });
  return account;
}

export async function renameOwnAccount(db: DbOrTx, params: OwnAccountParams & { name: string; actor: AuditActor }): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await ownAccount(tx, params);
    const table = tableOf(params.subject);
    await tx.update(table).set({ name: params.name }).where(and(eq(table.id, params.subject.id), eq(table.sellerId, params.sellerId)));
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: params.subject.kind === 'staff' ? 'staff_user.rename' : 'portal_account.rename',
      entityType: entityTypeOf(params.subject),
      entityId: params.subject.id,
      details: { from: account.name, to: params.name },
    });
  });
}

/**
 * Sets a new password and moves the session version on, so every session of
 * the account ends; answers the new version for the session that made the
 * change (the caller signs it in again with it). Open password-reset and
 * sign-in links stop working too.
 */
export async function changeOwnPassword(
  db: DbOrTx,
  params: OwnAccountParams & { passwordHash: string; actor: AuditActor; now?: Date },
): Promise<{ sessionVersion: number }> {
  return db.transaction(async (tx) => {
    await ownAccount(tx, params);
    const table = tableOf(params.subject);
    const [row] = await tx
      .update(table)
      .set({ passwordHash: params.passwordHash, sessionVersion: sql`${table.sessionVersion} + 1` })
      .where(and(eq(table.id, params.subject.id), eq(table.sellerId, params.sellerId)))
      .returning({ sessionVersion: table.sessionVersion });
    await tx
      .update(authTokens)
      .set({ revokedAt: params.now ?? new Date() })
      .where(
        and(
          eq(params.subject.kind === 'staff' ? authTokens.staffUserId : authTokens.portalAccountId, params.subject.id),
          sql`${authTokens.purpose} in ('sign_in', 'password_reset')`,
          sql`${authTokens.usedAt} is null and ${authTokens.revokedAt} is null`,
        ),
      );
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: params.subject.kind === 'staff' ? 'staff_user.password_change' : 'portal_account.password_change',
      entityType: entityTypeOf(params.subject),
      entityId: params.subject.id,
    });
    return { sessionVersion: row!.sessionVersion };
  });
}

/** "Sign out everywhere": every session of the account ends, this one included. */
export async function endEverySession(db: DbOrTx, params: OwnAccountParams & { actor: AuditActor }): Promise<void> {
  await db.transaction(async (tx) => {
    await ownAccount(tx, params);
    const table = tableOf(params.subject);
    await tx
      .update(table)
      .set({ sessionVersion: sql`${table.sessionVersion} + 1` })
      .where(and(eq(table.id, params.subject.id), eq(table.sellerId, params.sellerId)));
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: params.subject.kind === 'staff' ? 'staff_user.sign_out_everywhere' : 'portal_account.sign_out_everywhere',
      entityType: entityTypeOf(params.subject),
      entityId: params.subject.id,
    });
  });
}

const TAKEN = 'Another account here already uses that email address. Choose a different one.';

/** Whether another account of the seller, of the same audience (staff or buyers), has the email. */
async function emailTaken(tx: DbOrTx, params: OwnAccountParams & { email: string }): Promise<boolean> {
  const table = tableOf(params.subject);
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.sellerId, params.sellerId),
        sql`lower(${table.email}) = ${params.email.trim().toLowerCase()}`,
        ne(table.id, params.subject.id),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Sends a one-time link to the new address (replacing any earlier one). The
 * account keeps its email until the link is used. Refused when the address is
 * the current one or another account of the seller (same audience) has it.
 */
export async function requestEmailChange(
  db: DbOrTx,
  params: OwnAccountParams & { newEmail: string; actor: AuditActor; now?: Date },
): Promise<{ messageId: number; url: string }> {
  const newEmail = params.newEmail.trim();
  return db.transaction(async (tx) => {
    const account = await ownAccount(tx, params);
    if (account.email.toLowerCase() === newEmail.toLowerCase()) {
      throw new Refusal('That is already your email address.', { code: 'invalid', fieldErrors: { email: ['That is already your email address.'] } });
    }
    if (await emailTaken(tx, { ...params, email: newEmail })) {
      throw new Refusal(TAKEN, { code: 'conflict', fieldErrors: { email: [TAKEN] } });
    }
    const brand = await findSellerBrand(tx, params.sellerId);
    const token = await issueAuthToken(tx, { sellerId: params.sellerId, purpose: 'email_change', subject: params.subject, newEmail, now: params.now });
    const audience = params.subject.kind;
    const url = accountLinkUrl(audience === 'staff' ? { kind: 'staff' } : { kind: 'customer', portal: brand.portal }, 'email_change', token);
    const email = emailChangeLinkEmail({
      brand: { name: brand.name, color: brand.color },
      audience,
      sellerName: brand.sellerName,
      name: account.name,
      organizationName: account.organizationName,
      url,
      newEmail,
    });
    const messageId = await enqueueEmail(tx, {
      sellerId: params.sellerId,
      kind: `${audience === 'staff' ? 'staff' : 'portal'}_email_change`,
      to: newEmail,
      ...email,
    });
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: params.subject.kind === 'staff' ? 'staff_user.email_change_request' : 'portal_account.email_change_request',
      entityType: entityTypeOf(params.subject),
      entityId: params.subject.id,
      details: { to: newEmail },
    });
    return { messageId, url };
  });
}

export type EmailChangeView = { state: LinkState | 'taken'; account?: LinkView['account']; newEmail?: string };

/** What opening an email-change link shows. Reads only: scanners may open it any number of times. */
export async function inspectEmailChange(db: DbOrTx, params: { area: AccountArea; token: string; now?: Date }): Promise<EmailChangeView> {
  const view = await inspectAccountLink(db, { ...params, purpose: 'email_change' });
  if (view.state === 'invalid') return view;
  const row = await findAuthToken(db, params.token);
  const newEmail = row?.newEmail ?? undefined;
  if (view.state === 'valid' && row && newEmail) {
    const subject = tokenSubject(row);
    if (await emailTaken(db, { sellerId: row.sellerId, subject, email: newEmail })) return { state: 'taken', account: view.account, newEmail };
  }
  return { ...view, newEmail };
}

/**
 * The form on an email-change link's page: uses the token (once,
 * atomically), moves the account to the new address, ends the links sent to
 * the old one, and sends the old address a notice. On refusal, answers what
 * the page should now show.
 */
export async function completeEmailChange(
  db: DbOrTx,
  params: { area: AccountArea; token: string; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false; view: EmailChangeView }> {
  const view = await inspectEmailChange(db, params);
  if (view.state !== 'valid') return { ok: false, view };
  const now = params.now ?? new Date();
  const outcome = await db
    .transaction(async (tx) => {
      const row = await consumeAuthToken(tx, {
        token: params.token,
        purpose: 'email_change',
        sellerId: params.area.kind === 'customer' ? params.area.sellerId : undefined,
        kind: params.area.kind,
        now,
      });
      if (!row?.newEmail) return null;
      const subject = tokenSubject(row);
      const account = await findAccount(tx, { sellerId: row.sellerId, subject, forUpdate: true });
      // Throwing rolls back, so the link stays as it was.
      if (!account || account.status !== 'active') throw new Refusal('This link can no longer be used.', { code: 'conflict' });
      if (await emailTaken(tx, { sellerId: row.sellerId, subject, email: row.newEmail })) throw new Refusal(TAKEN, { code: 'conflict' });
      const table = tableOf(subject);
      await tx.update(table).set({ email: row.newEmail }).where(and(eq(table.id, subject.id), eq(table.sellerId, row.sellerId)));
      // Links mailed to the old address (sign-in, password reset) must not outlive it.
      await revokeOpenAuthTokens(tx, subject, now);
      const brand = await findSellerBrand(tx, row.sellerId);
      await enqueueEmail(tx, {
        sellerId: row.sellerId,
        kind: `${subject.kind === 'staff' ? 'staff' : 'portal'}_email_changed`,
        to: account.email,
        ...emailChangedNoticeEmail({
          brand: { name: brand.name, color: brand.color },
          audience: subject.kind,
          sellerName: brand.sellerName,
          name: account.name,
          newEmail: row.newEmail,
          contact: subject.kind === 'staff' ? 'an owner of your company' : brand.name,
        }),
      });
      await recordAudit(tx, {
        sellerId: row.sellerId,
        actor: subject.kind === 'staff' ? { staffUserId: subject.id, name: account.name } : { label: `customer: ${account.email}` },
        action: subject.kind === 'staff' ? 'staff_user.email_change' : 'portal_account.email_change',
        entityType: entityTypeOf(subject),
        entityId: subject.id,
        details: { from: account.email, to: row.newEmail },
      });
      return row.newEmail;
    })
    .catch((error: unknown) => {
      if (isRefusal(error) || isUniqueViolation(error)) return null;
      throw error;
    });
  if (!outcome) {
    const after = await inspectEmailChange(db, params);
    return { ok: false, view: after.state === 'valid' ? { ...after, state: 'taken' } : after };
  }
  return { ok: true, email: outcome };
}
