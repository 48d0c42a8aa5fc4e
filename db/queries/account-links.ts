import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { intArray } from '@/db/sql-arrays';
import type { TokenPurpose } from '@/db/schema';
import { portalUrl, publicUrl, type PortalAddress } from '@/lib/public-url';
import { hashPassword } from '@/lib/auth/password';
import { isRefusal, Refusal } from '@/lib/refusal';
import { enqueueEmails } from '@/lib/email/outbox';
import { invitationEmail, passwordResetEmail, signInLinkEmail } from '@/lib/email/templates/account-links';
import { recordAudit, type AuditActor } from './audit';
import { findAccount, findAccountsByEmail, recordSignIn, setAccountPassword, type Account, type AccountArea } from './account-store';
import { consumeAuthToken, findAuthToken, issueAuthTokens, tokenState, tokenSubject } from './auth-tokens';
import { emailBrand, findSellerBrand } from './seller-brand';

/**
 * The one-time-link flows for both kinds of account: activation (from an
 * invitation), sign-in links and password resets. Opening a link only reads
 * (inspectAccountLink); only the form on that page uses it (completeAccountLink).
 */

const pageOf: Record<TokenPurpose, string> = {
  activation: 'activate',
  sign_in: 'sign-in-link',
  password_reset: 'reset-password',
  email_change: 'confirm-email',
};
const kindOf: Record<TokenPurpose, string> = {
  activation: 'invitation',
  sign_in: 'sign_in_link',
  password_reset: 'password_reset',
  email_change: 'email_change',
};

/** The absolute link of a one-time token: the back office on APP_URL, or the seller's portal address. */
export function accountLinkUrl(
  where: { kind: 'staff' } | { kind: 'customer'; portal: PortalAddress },
  purpose: TokenPurpose,
  token: string,
): string {
  const path = `/${pageOf[purpose]}?token=${encodeURIComponent(token)}`;
  return where.kind === 'staff' ? publicUrl(`/admin${path}`) : portalUrl(where.portal, path);
}

export type LinkContext = { now?: Date };

/**
 * Issues a link for each account of one seller and kind (revoking older ones
 * of the same purpose) and queues their branded emails, in the caller's
 * transaction, in a few statements however many accounts. `sendAfter` spreads
 * the messages out (a bulk invitation). Answers the outbox message ids and the
 * links themselves (which only an operator's command ever prints), in order.
 */
export async function issueAccountLinks(
  tx: DbOrTx,
  params: { sellerId: number; accounts: readonly Account[]; purpose: TokenPurpose; sendAfter?: (index: number) => Date } & LinkContext,
): Promise<{ messageIds: number[]; urls: string[] }> {
  const { accounts, purpose, sellerId } = params;
  if (!accounts.length) return { messageIds: [], urls: [] };
  // A new address's link goes to that address, with its own email (db/queries/my-account.ts).
  if (purpose === 'email_change') throw new Error('issueAccountLinks does not send email-change links');
  if (accounts.some((a) => a.sellerId !== sellerId)) throw new Error('issueAccountLinks takes the accounts of one seller');
  const brand = await findSellerBrand(tx, sellerId);
  const tokens = await issueAuthTokens(tx, { sellerId, purpose, subjects: accounts.map((a) => a.subject), now: params.now });
  const urls: string[] = [];
  const emails = accounts.map((account, i) => {
    const audience = account.subject.kind;
    const where = audience === 'staff' ? { kind: 'staff' as const } : { kind: 'customer' as const, portal: brand.portal };
    const data = {
      brand: emailBrand(brand),
      audience,
      sellerName: brand.sellerName,
      name: account.name,
      organizationName: account.organizationName,
      url: accountLinkUrl(where, purpose, tokens[i]!),
    };
    urls.push(data.url);
    const email =
      purpose === 'activation' ? invitationEmail(data) : purpose === 'sign_in' ? signInLinkEmail(data) : passwordResetEmail(data);
    return {
      sellerId,
      kind: `${audience === 'staff' ? 'staff' : 'portal'}_${kindOf[purpose]}`,
      to: account.email,
      ...email,
      sendAfter: params.sendAfter?.(i),
    };
  });
  const messageIds = await enqueueEmails(tx, emails);
  const buyers = accounts.filter((a) => a.subject.kind === 'customer').map((a) => a.subject.id);
  if (purpose === 'activation' && buyers.length) {
    // An imported buyer counts as invited once any activation link was sent (a resend, a link they asked for).
    await tx.execute(sql`
      update portal_accounts set invited_at = ${(params.now ?? new Date()).toISOString()}::timestamptz
      where seller_id = ${sellerId} and invited_at is null and id = any(${intArray(buyers)})`);
  }
  return { messageIds, urls };
}

/** Issues one account's link and queues its email (see issueAccountLinks). */
export async function issueAccountLink(
  tx: DbOrTx,
  account: Account,
  purpose: TokenPurpose,
  context: LinkContext = {},
): Promise<{ messageId: number; url: string }> {
  const { messageIds, urls } = await issueAccountLinks(tx, { sellerId: account.sellerId, accounts: [account], purpose, now: context.now });
  return { messageId: messageIds[0]!, url: urls[0]! };
}

/** Issues a link and queues its email; answers the outbox message id. */
export async function sendAccountLink(
  tx: DbOrTx,
  account: Account,
  purpose: TokenPurpose,
  context: LinkContext = {},
): Promise<number> {
  return (await issueAccountLink(tx, account, purpose, context)).messageId;
}

/**
 * "Email me a sign-in link" and "Forgot password". Answers nothing, whether
 * or not the email has an account, so the caller's reply cannot tell. An
 * account still invited gets a fresh activation link instead; a disabled one
 * gets nothing. A staff email with accounts at several sellers gets one link
 * per account, each email naming its company.
 */
export async function requestAccountLink(
  db: DbOrTx,
  params: { area: AccountArea; email: string; purpose: 'sign_in' | 'password_reset' } & LinkContext,
): Promise<void> {
  const accounts = await findAccountsByEmail(db, { area: params.area, email: params.email });
  for (const account of accounts) {
    if (account.status === 'disabled') continue;
    const purpose = account.status === 'invited' ? 'activation' : params.purpose;
    await db.transaction((tx) => sendAccountLink(tx, account, purpose, params).then(() => undefined));
  }
}

export type LinkState = 'valid' | 'used' | 'expired' | 'replaced' | 'invalid' | 'disabled' | 'already_active';
export type LinkView = { state: LinkState; account?: Pick<Account, 'name' | 'email' | 'organizationName'> };

function inArea(row: { staffUserId: number | null; portalAccountId: number | null; sellerId: number }, area: AccountArea) {
  return area.kind === 'staff' ? row.staffUserId !== null : row.portalAccountId !== null && row.sellerId === area.sellerId;
}

/** What opening a link shows. Reads only: scanners may open it any number of times. */
export async function inspectAccountLink(
  db: DbOrTx,
  params: { area: AccountArea; token: string; purpose: TokenPurpose; now?: Date },
): Promise<LinkView> {
  const row = await findAuthToken(db, params.token);
  if (!row || row.purpose !== params.purpose || !inArea(row, params.area)) return { state: 'invalid' };
  const account = await findAccount(db, { sellerId: row.sellerId, subject: tokenSubject(row) });
  if (!account) return { state: 'invalid' };
  const shown = { name: account.name, email: account.email, organizationName: account.organizationName };
  if (account.status === 'disabled') return { state: 'disabled', account: shown };
  if (params.purpose === 'activation' && account.status === 'active') return { state: 'already_active', account: shown };
  return { state: tokenState(row, params.now), account: shown };
}

export type SignedInAccount = { subject: Account['subject']; sellerId: number; sessionVersion: number };

function actorFor(account: Account): AuditActor {
  return account.subject.kind === 'staff'
    ? { staffUserId: account.subject.id, name: account.name }
    : { label: `customer: ${account.email}` };
}

async function useLink(
  tx: DbOrTx,
  params: { area: AccountArea; token: string; purpose: TokenPurpose },
  passwordHash: string | null,
  now: Date,
): Promise<SignedInAccount | null> {
  const row = await consumeAuthToken(tx, {
    token: params.token,
    purpose: params.purpose,
    sellerId: params.area.kind === 'customer' ? params.area.sellerId : undefined,
    kind: params.area.kind,
    now,
  });
  if (!row) return null;
  const account = await findAccount(tx, { sellerId: row.sellerId, subject: tokenSubject(row), forUpdate: true });
  const expected = params.purpose === 'activation' ? 'invited' : 'active';
  // Throwing rolls back, so the link stays as it was.
  if (!account || account.status !== expected) throw new Refusal('This link can no longer be used.', { code: 'conflict' });
  let sessionVersion = account.sessionVersion;
  if (passwordHash) {
    sessionVersion = await setAccountPassword(tx, account.subject, {
      passwordHash,
      activate: params.purpose === 'activation',
      endSessions: params.purpose === 'password_reset',
      now,
    });
  } else {
    await recordSignIn(tx, account.subject, now);
  }
  if (params.purpose !== 'sign_in') {
    const entityType = account.subject.kind === 'staff' ? 'staff_user' : 'portal_account';
    await recordAudit(tx, {
      sellerId: account.sellerId,
      actor: actorFor(account),
      action: `${entityType}.${params.purpose === 'activation' ? 'activate' : 'password_reset'}`,
      entityType,
      entityId: account.subject.id,
    });
  }
  return { subject: account.subject, sellerId: account.sellerId, sessionVersion };
}

/**
 * Submits a link's form: uses the token (once, atomically), sets the password
 * where the purpose needs one, and answers the account to sign in. A password
 * reset ends every other session. On refusal it answers what the link's page
 * should now show.
 */
export async function completeAccountLink(
  db: DbOrTx,
  params: { area: AccountArea; token: string; purpose: TokenPurpose; password?: string; now?: Date },
): Promise<{ ok: true; account: SignedInAccount } | { ok: false; view: LinkView }> {
  const view = await inspectAccountLink(db, params);
  if (view.state !== 'valid') return { ok: false, view };
  // Hash only for a link that looked valid, so bogus submissions cost no scrypt work.
  const passwordHash = params.purpose === 'sign_in' ? null : await hashPassword(params.password ?? '');
  const now = params.now ?? new Date();

  const outcome = await db
    .transaction((tx) => useLink(tx, params, passwordHash, now))
    .catch((error: unknown) => {
      if (isRefusal(error)) return null;
      throw error;
    });
  if (!outcome) return { ok: false, view: await inspectAccountLink(db, params) };
  return { ok: true, account: outcome };
}

/**
 * "Send me a fresh link" from the page of an expired, replaced or used link:
 * the same kind of link again (an activation link while the account is still
 * invited). Answers whether a link was queued.
 */
export async function sendFreshAccountLink(
  db: DbOrTx,
  params: { area: AccountArea; token: string } & LinkContext,
): Promise<{ sent: boolean; email?: string }> {
  const row = await findAuthToken(db, params.token);
  if (!row || !inArea(row, params.area) || row.purpose === 'email_change') return { sent: false };
  const account = await findAccount(db, { sellerId: row.sellerId, subject: tokenSubject(row) });
  if (!account || account.status === 'disabled') return { sent: false };
  if (row.purpose === 'activation' && account.status === 'active') return { sent: false };
  const purpose = account.status === 'invited' ? 'activation' : row.purpose;
  await db.transaction((tx) => sendAccountLink(tx, account, purpose, params));
  return { sent: true, email: account.email };
}
