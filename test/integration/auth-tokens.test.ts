import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { completeAccountLink, inspectAccountLink, requestAccountLink, sendFreshAccountLink } from '@/db/queries/account-links';
import { invitePortalAccount, resendPortalInvite } from '@/db/queries/portal-accounts';
import { verifyCustomerCredentials } from '@/db/queries/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, buildSeller, type SellerFixture } from '../support/fixtures';
import { emailsTo, latestEmailTo, linkIn } from '../support/auth-fixtures';
import { asResult } from '../support/as-result';

const HOUR = 60 * 60 * 1000;

describe('one-time links', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let area: { kind: 'customer'; sellerId: number };
  let n = 0;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db, { slug: `links-${Date.now()}` });
    area = { kind: 'customer', sellerId: seller.sellerId };
  });
  afterAll(() => database.close());

  async function invite(now?: Date) {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const email = `invitee${++n}@buyer.test`;
    const result = await asResult(invitePortalAccount(db, {
      sellerId: seller.sellerId,
      actor: { label: 'test' },
      organizationId: org.id,
      name: 'Ivy Invitee',
      email,
      now,
    }));
    expect(result.ok).toBe(true);
    const message = await latestEmailTo(db, email);
    return { email, org, result, message: message!, ...linkIn(message!.text) };
  }

  it('stores only the SHA-256 of a 256-bit token, and the email carries the link to the activation page', async () => {
    const { db } = database;
    const { token, url, message } = await invite();
    expect(url.origin).toBe('https://tradepost.test');
    expect(url.pathname).toBe(`/p/${seller.seller.slug}/activate`);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const rows = await db.select().from(s.authTokens);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(rows.some((r) => r.tokenHash === hash)).toBe(true);
    for (const row of rows) expect(row.tokenHash).not.toContain(token);
    expect(message.html).toContain(url.pathname);
  });

  it('opening the link any number of times changes nothing; only completing it activates the account', async () => {
    const { db } = database;
    const { token, email } = await invite();
    const before = await db.select().from(s.authTokens);
    for (let i = 0; i < 3; i++) {
      expect((await inspectAccountLink(db, { area, token, purpose: 'activation' })).state).toBe('valid');
    }
    expect(await db.select().from(s.authTokens)).toEqual(before);

    const done = await completeAccountLink(db, { area, token, purpose: 'activation', password: 'a-long-password' });
    expect(done.ok).toBe(true);
    const account = await verifyCustomerCredentials(db, { sellerId: seller.sellerId, email: email, password: 'a-long-password' });
    expect(account?.status).toBe('active');
    expect(account?.activatedAt).not.toBeNull();
  });

  it('a link works once: the used link says the account is already active, and two concurrent submissions activate once', async () => {
    const { db } = database;
    const first = await invite();
    const results = await Promise.all([
      completeAccountLink(db, { area, token: first.token, purpose: 'activation', password: 'first-password' }),
      completeAccountLink(db, { area, token: first.token, purpose: 'activation', password: 'second-password' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const again = await completeAccountLink(db, { area, token: first.token, purpose: 'activation', password: 'third-password' });
    expect(again).toEqual({ ok: false, view: expect.objectContaining({ state: 'already_active' }) });
    expect((await inspectAccountLink(db, { area, token: first.token, purpose: 'activation' })).state).toBe('already_active');
    // The used sign-in link of an active account reads "used".
    await requestAccountLink(db, { area, email: first.email, purpose: 'sign_in' });
    const { token } = linkIn((await latestEmailTo(db, first.email))!.text);
    expect((await completeAccountLink(db, { area, token, purpose: 'sign_in' })).ok).toBe(true);
    expect((await inspectAccountLink(db, { area, token, purpose: 'sign_in' })).state).toBe('used');
    expect((await completeAccountLink(db, { area, token, purpose: 'sign_in' })).ok).toBe(false);
  });

  it('activation links expire after 7 days; sign-in and reset links after 15 minutes', async () => {
    const { db } = database;
    const issued = new Date(Date.now() - 7 * 24 * HOUR + HOUR);
    const { token, email } = await invite(issued);
    const sixDays = new Date(issued.getTime() + 6 * 24 * HOUR);
    const eightDays = new Date(issued.getTime() + 8 * 24 * HOUR);
    expect((await inspectAccountLink(db, { area, token, purpose: 'activation', now: sixDays })).state).toBe('valid');
    expect((await inspectAccountLink(db, { area, token, purpose: 'activation', now: eightDays })).state).toBe('expired');
    const late = await completeAccountLink(db, { area, token, purpose: 'activation', password: 'a-long-password', now: eightDays });
    expect(late).toEqual({ ok: false, view: expect.objectContaining({ state: 'expired' }) });
    // The expired page offers a fresh link, which works.
    expect(await sendFreshAccountLink(db, { area, token })).toEqual({ sent: true, email });
    const fresh = linkIn((await latestEmailTo(db, email))!.text).token;
    expect((await completeAccountLink(db, { area, token: fresh, purpose: 'activation', password: 'a-long-password' })).ok).toBe(true);

    const signInIssued = new Date();
    await requestAccountLink(db, { area, email, purpose: 'sign_in', now: signInIssued });
    const signIn = linkIn((await latestEmailTo(db, email))!.text).token;
    const at = (minutes: number) => new Date(signInIssued.getTime() + minutes * 60 * 1000);
    expect((await inspectAccountLink(db, { area, token: signIn, purpose: 'sign_in', now: at(14) })).state).toBe('valid');
    expect((await inspectAccountLink(db, { area, token: signIn, purpose: 'sign_in', now: at(16) })).state).toBe('expired');
    expect((await completeAccountLink(db, { area, token: signIn, purpose: 'sign_in', now: at(16) })).ok).toBe(false);

    await requestAccountLink(db, { area, email, purpose: 'password_reset', now: signInIssued });
    const reset = linkIn((await latestEmailTo(db, email))!.text).token;
    expect((await inspectAccountLink(db, { area, token: reset, purpose: 'password_reset', now: at(16) })).state).toBe('expired');
  });

  it('resending an invitation revokes the older link', async () => {
    const { db } = database;
    const { token: old, email, result } = await invite();
    const id = result.ok ? result.data.portalAccountId : 0;
    const resent = await asResult(resendPortalInvite(db, { sellerId: seller.sellerId, actor: { label: 'test' }, portalAccountId: id }));
    expect(resent.ok).toBe(true);
    const invitations = await emailsTo(db, email, 'portal_invitation');
    expect(invitations).toHaveLength(2);
    const fresh = linkIn(invitations[1]!.text).token;
    expect(fresh).not.toBe(old);
    expect((await inspectAccountLink(db, { area, token: old, purpose: 'activation' })).state).toBe('replaced');
    expect((await completeAccountLink(db, { area, token: old, purpose: 'activation', password: 'a-long-password' })).ok).toBe(false);
    const [oldRow] = await db.select().from(s.authTokens).where(eq(s.authTokens.tokenHash, createHash('sha256').update(old).digest('hex')));
    expect(oldRow!.revokedAt).not.toBeNull();
    expect(oldRow!.usedAt).toBeNull();
    expect((await completeAccountLink(db, { area, token: fresh, purpose: 'activation', password: 'a-long-password' })).ok).toBe(true);
  });

  it("a link works only at its own seller's portal and for its own purpose", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const { token } = await invite();
    const otherArea = { kind: 'customer' as const, sellerId: other.sellerId };
    expect((await inspectAccountLink(db, { area: otherArea, token, purpose: 'activation' })).state).toBe('invalid');
    expect((await completeAccountLink(db, { area: otherArea, token, purpose: 'activation', password: 'a-long-password' })).ok).toBe(false);
    expect((await inspectAccountLink(db, { area, token, purpose: 'password_reset' })).state).toBe('invalid');
    expect((await inspectAccountLink(db, { area: { kind: 'staff' }, token, purpose: 'activation' })).state).toBe('invalid');
    expect((await inspectAccountLink(db, { area, token: 'not-a-token', purpose: 'activation' })).state).toBe('invalid');
    expect((await inspectAccountLink(db, { area, token, purpose: 'activation' })).state).toBe('valid');
  });

  it('a password reset sets the new password and bumps the session version', async () => {
    const { db } = database;
    const { token, email } = await invite();
    const activated = await completeAccountLink(db, { area, token, purpose: 'activation', password: 'old-password-1' });
    if (!activated.ok) throw new Error('activation failed');
    await requestAccountLink(db, { area, email, purpose: 'password_reset' });
    const message = await latestEmailTo(db, email);
    expect(message!.kind).toBe('portal_password_reset');
    const reset = linkIn(message!.text);
    expect(reset.url.pathname).toBe(`/p/${seller.seller.slug}/reset-password`);
    const done = await completeAccountLink(db, { area, token: reset.token, purpose: 'password_reset', password: 'new-password-2' });
    if (!done.ok) throw new Error('reset failed');
    expect(done.account.sessionVersion).toBe(activated.account.sessionVersion + 1);
    expect(await verifyCustomerCredentials(db, { sellerId: seller.sellerId, email: email, password: 'old-password-1' })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: seller.sellerId, email: email, password: 'new-password-2' })).not.toBeNull();
  });
});
