import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import * as s from '@/db/schema';
import { loadCustomerSession, loadStaffSession, verifyCustomerCredentials } from '@/db/queries/accounts';
import { requestAccountLink } from '@/db/queries/account-links';
import { findAuthToken } from '@/db/queries/auth-tokens';
import {
  changeOwnPassword,
  completeEmailChange,
  endEverySession,
  inspectEmailChange,
  renameOwnAccount,
  requestEmailChange,
} from '@/db/queries/my-account';
import { queryRows } from '@/db/rows';
import { SIGN_IN_LIMITS, beginSignInAttempt } from '@/lib/auth/abuse-limits';
import { checkCurrentPassword, WRONG_CURRENT_PASSWORD } from '@/lib/auth/current-password';
import { hashPassword } from '@/lib/auth/password';
import { sessionCookieName } from '@/lib/auth/session-cookies';
import { decodeSessionToken } from '@/lib/auth/session-token';
import { DEVELOPMENT_AUTH_SECRET } from '@/lib/env';
import { isRefusal, type Refusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffUser, emailsTo, linkIn } from '../support/auth-fixtures';

/** The refusal a promise is rejected with (fails the test when it resolves). */
async function refusalOf(run: Promise<unknown>): Promise<Refusal<unknown>> {
  try {
    await run;
  } catch (error) {
    if (isRefusal(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const DAY = 24 * 60 * 60 * 1000;

describe('My account', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let bolt: SellerFixture;
  let oldHash: string;
  const actor = { label: 'test' };
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    acme = await buildSeller(database.db);
    bolt = await buildSeller(database.db);
    oldHash = await hashPassword('old-password-1');
  });
  afterAll(() => database.close());

  async function buyer(seller = acme, values: Partial<typeof s.portalAccounts.$inferInsert> = {}) {
    const org = await addOrganization(database.db, seller);
    return addPortalAccount(database.db, seller, org.id, { passwordHash: oldHash, ...values });
  }
  const subjectOf = (account: { id: number }) => ({ kind: 'customer' as const, id: account.id });
  const headersFrom = (address: string) => new Headers({ 'x-tp-socket-address': address });

  it('a wrong current password is refused and nothing changes; the right one passes', async () => {
    const { db } = database;
    const account = await buyer();
    const check = (password: string) =>
      checkCurrentPassword(db, {
        sellerId: acme.sellerId,
        subject: subjectOf(account),
        area: { kind: 'customer', slug: acme.seller.slug },
        email: account.email,
        password,
        headers: headersFrom('10.1.0.1'),
      });
    const refusal = await refusalOf(check('not-my-password'));
    expect(refusal.message).toBe(WRONG_CURRENT_PASSWORD);
    expect(refusal.fieldErrors).toEqual({ currentPassword: [WRONG_CURRENT_PASSWORD] });
    const [after] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(after!.passwordHash).toBe(oldHash);
    expect(after!.sessionVersion).toBe(account.sessionVersion);
    // Another seller's account of the same id space is not this one: its password does not pass here.
    const rival = await buyer(bolt);
    const crossSeller = checkCurrentPassword(db, {
      sellerId: acme.sellerId,
      subject: subjectOf(rival),
      area: { kind: 'customer', slug: acme.seller.slug },
      email: rival.email,
      password: 'old-password-1',
      headers: headersFrom('10.1.0.2'),
    });
    expect((await refusalOf(crossSeller)).message).toBe(WRONG_CURRENT_PASSWORD);
    await expect(check('old-password-1')).resolves.toBeUndefined();
  });

  it('the current-password check shares the sign-in limit: guesses there lock it here, and the reverse', async () => {
    const { db } = database;
    const account = await buyer();
    const area = { kind: 'customer' as const, slug: acme.seller.slug };
    const address = '10.2.0.1';
    const check = (password: string) =>
      checkCurrentPassword(db, { sellerId: acme.sellerId, subject: subjectOf(account), area, email: account.email, password, headers: headersFrom(address) });
    // Half the limit as failed sign-ins, the rest as wrong current passwords.
    const half = Math.floor(SIGN_IN_LIMITS.perEmailAndAddress.limit / 2);
    for (let i = 0; i < half; i++) expect((await beginSignInAttempt({ db, area, email: account.email, address })).ok).toBe(true);
    for (let i = half; i < SIGN_IN_LIMITS.perEmailAndAddress.limit; i++) expect((await refusalOf(check('wrong-guess'))).code).toBe('invalid');
    // Now even the right password is refused here, before any hash...
    const limited = await refusalOf(check('old-password-1'));
    expect(limited.code).toBe('busy');
    expect(limited.message).toMatch(/^Too many sign-in attempts/);
    // ...and at the sign-in form for the same account and address.
    expect((await beginSignInAttempt({ db, area, email: account.email, address })).ok).toBe(false);
  });

  it('a password change ends the other sessions (version bumped), and the session renewed with the new version continues', async () => {
    const { db } = database;
    const account = await buyer();
    const before = account.sessionVersion;
    expect(await loadCustomerSession(db, { sellerId: acme.sellerId, portalAccountId: account.id, sessionVersion: before })).not.toBeNull();
    const { sessionVersion } = await changeOwnPassword(db, {
      sellerId: acme.sellerId,
      subject: subjectOf(account),
      passwordHash: await hashPassword('new-password-2'),
      actor,
    });
    expect(sessionVersion).toBe(before + 1);
    // The other sessions (the old version) end; the one renewed with the new version goes on.
    expect(await loadCustomerSession(db, { sellerId: acme.sellerId, portalAccountId: account.id, sessionVersion: before })).toBeNull();
    expect(await loadCustomerSession(db, { sellerId: acme.sellerId, portalAccountId: account.id, sessionVersion })).not.toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: account.email, password: 'old-password-1' })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: account.email, password: 'new-password-2' })).not.toBeNull();
  });

  it("the session-claims memo does not hide the bump: a memoized cookie of the old version no longer signs in", async () => {
    const { db } = database;
    const account = await buyer();
    const salt = sessionCookieName('customer');
    const secret = DEVELOPMENT_AUTH_SECRET;
    const cookie = await encode({ token: { uid: account.id, sid: acme.sellerId, ver: account.sessionVersion }, secret, salt, maxAge: 3600 });
    const sessionOf = async () => {
      const claims = (await decodeSessionToken(cookie, { salt, secret })) as { uid: number; sid: number; ver: number };
      return loadCustomerSession(db, { sellerId: claims.sid, portalAccountId: claims.uid, sessionVersion: claims.ver });
    };
    // Read twice before the change: the second read comes from the memo.
    expect(await sessionOf()).not.toBeNull();
    expect(await sessionOf()).not.toBeNull();
    await changeOwnPassword(db, { sellerId: acme.sellerId, subject: subjectOf(account), passwordHash: await hashPassword('another-pass-3'), actor });
    expect(await sessionOf()).toBeNull();
  });

  it('sign out everywhere ends every session, the current one included', async () => {
    const { db } = database;
    const account = await buyer();
    const staff = await addStaffUser(db, acme, { passwordHash: oldHash });
    await endEverySession(db, { sellerId: acme.sellerId, subject: subjectOf(account), actor });
    await endEverySession(db, { sellerId: acme.sellerId, subject: { kind: 'staff', id: staff.id }, actor });
    expect(await loadCustomerSession(db, { sellerId: acme.sellerId, portalAccountId: account.id, sessionVersion: account.sessionVersion })).toBeNull();
    expect(await loadStaffSession(db, { staffUserId: staff.id, sessionVersion: staff.sessionVersion })).toBeNull();
    const [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.sessionVersion).toBe(account.sessionVersion + 1);
    // Another seller's id is not found for this seller: refused, and nothing moves.
    const rival = await buyer(bolt);
    expect((await refusalOf(endEverySession(db, { sellerId: acme.sellerId, subject: subjectOf(rival), actor }))).code).toBe('not_found');
    const [untouched] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, rival.id));
    expect(untouched!.sessionVersion).toBe(rival.sessionVersion);
  });

  it('renames the own account, and only that one', async () => {
    const { db } = database;
    const account = await buyer();
    await renameOwnAccount(db, { sellerId: acme.sellerId, subject: subjectOf(account), name: 'Renée Nouveau', actor });
    const [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.name).toBe('Renée Nouveau');
    const rival = await buyer(bolt);
    await refusalOf(renameOwnAccount(db, { sellerId: acme.sellerId, subject: subjectOf(rival), name: 'Taken over', actor }));
  });

  it('the email changes only once the link sent to the new address is used; the old address gets a notice', async () => {
    const { db } = database;
    const account = await buyer(acme, { email: 'before@buyer.test' });
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    // A sign-in link mailed to the old address before the change.
    await requestAccountLink(db, { area, email: 'before@buyer.test', purpose: 'sign_in' });
    const oldLink = linkIn((await emailsTo(db, 'before@buyer.test', 'portal_sign_in_link'))[0]!.text).token;
    await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'after@buyer.test', actor });
    const [mail] = await emailsTo(db, 'after@buyer.test', 'portal_email_change');
    expect(mail).toBeTruthy();
    const { url, token } = linkIn(mail!.text);
    expect(url.pathname).toBe(`/p/${acme.seller.slug}/confirm-email`);
    // Asked for, not yet confirmed: still the old address; opening the page (any number of times) changes nothing.
    for (let i = 0; i < 3; i++) {
      expect(await inspectEmailChange(db, { area, token })).toMatchObject({ state: 'valid', newEmail: 'after@buyer.test', account: { email: 'before@buyer.test' } });
    }
    let [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.email).toBe('before@buyer.test');
    // Another seller's portal does not know the link.
    expect((await completeEmailChange(db, { area: { kind: 'customer', sellerId: bolt.sellerId }, token })).ok).toBe(false);
    expect(await completeEmailChange(db, { area, token })).toEqual({ ok: true, email: 'after@buyer.test' });
    [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.email).toBe('after@buyer.test');
    expect((await emailsTo(db, 'before@buyer.test', 'portal_email_changed')).map((m) => m.text).join()).toContain('after@buyer.test');
    // The old address's sign-in link no longer works.
    expect((await findAuthToken(db, oldLink))!.revokedAt).not.toBeNull();
    // A used link is refused the second time.
    const again = await completeEmailChange(db, { area, token });
    expect(again).toMatchObject({ ok: false, view: { state: 'used' } });
  });

  it('an expired or replaced link is refused and the email stays', async () => {
    const { db } = database;
    const account = await buyer(acme, { email: 'stay@buyer.test' });
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    const long = new Date(Date.now() - 2 * DAY);
    const first = await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'late@buyer.test', actor, now: long });
    const expired = new URL(first.url).searchParams.get('token')!;
    expect(await completeEmailChange(db, { area, token: expired })).toMatchObject({ ok: false, view: { state: 'expired' } });
    const a = await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'one@buyer.test', actor });
    await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'two@buyer.test', actor });
    const replaced = new URL(a.url).searchParams.get('token')!;
    expect(await completeEmailChange(db, { area, token: replaced })).toMatchObject({ ok: false, view: { state: 'replaced' } });
    expect(await completeEmailChange(db, { area, token: 'not-a-token' })).toMatchObject({ ok: false, view: { state: 'invalid' } });
    const [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.email).toBe('stay@buyer.test');
  });

  it("an email another account of the same seller and audience uses is refused; another seller's or staff's is not", async () => {
    const { db } = database;
    const account = await buyer(acme, { email: 'me@buyer.test' });
    await buyer(acme, { email: 'Taken@buyer.test' });
    await buyer(bolt, { email: 'elsewhere@buyer.test' });
    await addStaffUser(db, acme, { email: 'staff-too@buyer.test' });
    const refusal = await refusalOf(requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'taken@BUYER.test', actor }));
    expect(refusal.fieldErrors?.email?.[0]).toMatch(/already uses that email address/);
    expect((await refusalOf(requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'ME@buyer.test', actor }))).message).toBe(
      'That is already your email address.',
    );
    expect(await emailsTo(db, 'taken@BUYER.test')).toHaveLength(0);
    await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'elsewhere@buyer.test', actor });
    await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'staff-too@buyer.test', actor });
    // Taken between the request and the link: the link's page says so and the email stays.
    const pending = await requestEmailChange(db, { sellerId: acme.sellerId, subject: subjectOf(account), newEmail: 'race@buyer.test', actor });
    await buyer(acme, { email: 'race@buyer.test' });
    const token = new URL(pending.url).searchParams.get('token')!;
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    expect(await completeEmailChange(db, { area, token })).toMatchObject({ ok: false, view: { state: 'taken' } });
    const [row] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(row!.email).toBe('me@buyer.test');
  });

  it('staff: the email changes after the back-office link; the same email at another seller is allowed', async () => {
    const { db } = database;
    const staff = await addStaffUser(db, acme, { email: 'owner-old@seller.test', passwordHash: oldHash });
    await addStaffUser(db, acme, { email: 'colleague@seller.test' });
    await addStaffUser(db, bolt, { email: 'other-seller@seller.test' });
    const subject = { kind: 'staff' as const, id: staff.id };
    await refusalOf(requestEmailChange(db, { sellerId: acme.sellerId, subject, newEmail: 'colleague@seller.test', actor }));
    const { url } = await requestEmailChange(db, { sellerId: acme.sellerId, subject, newEmail: 'other-seller@seller.test', actor });
    expect(new URL(url).pathname).toBe('/admin/confirm-email');
    const token = new URL(url).searchParams.get('token')!;
    // A portal does not take a back-office link.
    expect((await completeEmailChange(db, { area: { kind: 'customer', sellerId: acme.sellerId }, token })).ok).toBe(false);
    expect(await completeEmailChange(db, { area: { kind: 'staff' }, token })).toEqual({ ok: true, email: 'other-seller@seller.test' });
    const [row] = await db.select().from(s.staffUsers).where(eq(s.staffUsers.id, staff.id));
    expect(row!.email).toBe('other-seller@seller.test');
    expect(await emailsTo(db, 'owner-old@seller.test', 'staff_email_changed')).toHaveLength(1);
    const audits = await queryRows<{ action: string }>(db, sql`select action from audit_entries where entity_type = 'staff_user' and entity_id = ${staff.id} order by id`);
    expect(audits.map((a) => a.action)).toEqual(['staff_user.email_change_request', 'staff_user.email_change']);
  });
});
