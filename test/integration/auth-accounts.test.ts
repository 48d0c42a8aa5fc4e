import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { completeAccountLink, inspectAccountLink, requestAccountLink } from '@/db/queries/account-links';
import { findAccount } from '@/db/queries/account-store';
import { loadCustomerSession, loadStaffSession, verifyCustomerCredentials, verifyStaffCredentials } from '@/db/queries/accounts';
import { invitePortalAccount, listPortalAccounts, resendPortalInvite, setPortalAccountEnabled } from '@/db/queries/portal-accounts';
import { changeStaffRole, inviteStaffUser, setStaffUserEnabled } from '@/db/queries/staff-users';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffUser, emailsTo, latestEmailTo, linkIn } from '../support/auth-fixtures';
import { asResult } from '../support/as-result';

describe('accounts', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let bolt: SellerFixture;
  let passwordHash: string;
  const actor = { label: 'test' };
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    acme = await buildSeller(database.db);
    bolt = await buildSeller(database.db);
    passwordHash = await hashPassword('right-password');
  });
  afterAll(() => database.close());

  it('a link request answers the same for a known and an unknown email, and only the known one gets mail', async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    const known = await addPortalAccount(db, acme, org.id, { email: 'known@buyer.test', passwordHash });
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    for (const purpose of ['sign_in', 'password_reset'] as const) {
      const a = await requestAccountLink(db, { area, email: known.email, purpose });
      const b = await requestAccountLink(db, { area, email: 'unknown@buyer.test', purpose });
      expect(a).toEqual(b);
    }
    expect((await emailsTo(db, known.email)).map((m) => m.kind)).toEqual(['portal_sign_in_link', 'portal_password_reset']);
    expect(await emailsTo(db, 'unknown@buyer.test')).toHaveLength(0);
    // The known email at another seller is unknown there.
    await requestAccountLink(db, { area: { kind: 'customer', sellerId: bolt.sellerId }, email: known.email, purpose: 'sign_in' });
    expect(await emailsTo(db, known.email)).toHaveLength(2);
  });

  it('a wrong password and an unknown email give the same result', async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    await addPortalAccount(db, acme, org.id, { email: 'pw@buyer.test', passwordHash });
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: 'pw@buyer.test', password: 'wrong-password' })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: 'nobody@buyer.test', password: 'wrong-password' })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: 'PW@buyer.test', password: 'right-password' })).not.toBeNull();
  });

  it('an invited account asking for a sign-in link gets a fresh activation link; a disabled one gets nothing', async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    const invited = await addPortalAccount(db, acme, org.id, { email: 'invited@buyer.test', status: 'invited' });
    const disabled = await addPortalAccount(db, acme, org.id, { email: 'off@buyer.test', status: 'disabled', passwordHash });
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    await requestAccountLink(db, { area, email: invited.email, purpose: 'sign_in' });
    await requestAccountLink(db, { area, email: disabled.email, purpose: 'password_reset' });
    expect((await latestEmailTo(db, invited.email))?.kind).toBe('portal_invitation');
    expect(await emailsTo(db, disabled.email)).toHaveLength(0);
  });

  it('the same email at two sellers is two accounts with separate passwords and sessions', async () => {
    const { db } = database;
    const acmeOrg = await addOrganization(db, acme, 'Twin Traders');
    const boltOrg = await addOrganization(db, bolt, 'Twin GmbH');
    const both = 'twin@buyer.test';
    for (const [seller, org] of [[acme, acmeOrg], [bolt, boltOrg]] as const) {
      const r = await asResult(invitePortalAccount(db, { sellerId: seller.sellerId, actor, organizationId: org.id, name: 'Tess Twin', email: both }));
      expect(r.ok).toBe(true);
    }
    const [acmeMail, boltMail] = await emailsTo(db, both, 'portal_invitation');
    const acmeArea = { kind: 'customer' as const, sellerId: acme.sellerId };
    const boltArea = { kind: 'customer' as const, sellerId: bolt.sellerId };
    // Each invitation only works at its own seller.
    expect((await inspectAccountLink(db, { area: boltArea, token: linkIn(acmeMail!.text).token, purpose: 'activation' })).state).toBe('invalid');
    const a = await completeAccountLink(db, { area: acmeArea, token: linkIn(acmeMail!.text).token, purpose: 'activation', password: 'acme-password' });
    const b = await completeAccountLink(db, { area: boltArea, token: linkIn(boltMail!.text).token, purpose: 'activation', password: 'bolt-password' });
    if (!a.ok || !b.ok) throw new Error('activation failed');
    expect(a.account.subject.id).not.toBe(b.account.subject.id);
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: both, password: 'bolt-password' })).toBeNull();
    expect((await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: both, password: 'acme-password' }))?.organizationId).toBe(acmeOrg.id);
    expect((await verifyCustomerCredentials(db, { sellerId: bolt.sellerId, email: both, password: 'bolt-password' }))?.organizationId).toBe(boltOrg.id);
    // A session of the Acme account gives nothing at Bolt.
    expect(await loadCustomerSession(db, { portalAccountId: a.account.subject.id, sessionVersion: a.account.sessionVersion, sellerId: bolt.sellerId })).toBeNull();
    expect(await loadCustomerSession(db, { portalAccountId: a.account.subject.id, sessionVersion: a.account.sessionVersion, sellerId: acme.sellerId })).not.toBeNull();
    // An email already used at this seller is refused with a message.
    const again = await asResult(invitePortalAccount(db, { sellerId: acme.sellerId, actor, organizationId: acmeOrg.id, name: 'X', email: 'TWIN@buyer.test' }));
    expect(again).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringContaining('already')] } });
  });

  it('disabling an account ends its open session on the next request, revokes its links, and enabling restores it', async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    const account = await addPortalAccount(db, acme, org.id, { email: 'soon-off@buyer.test', passwordHash });
    const session = await loadCustomerSession(db, { portalAccountId: account.id, sessionVersion: account.sessionVersion, sellerId: acme.sellerId });
    expect(session?.organizationName).toBe(org.name);
    await requestAccountLink(db, { area: { kind: 'customer', sellerId: acme.sellerId }, email: account.email, purpose: 'sign_in' });
    const pending = linkIn((await latestEmailTo(db, account.email))!.text).token;

    const off = await asResult(setPortalAccountEnabled(db, { sellerId: acme.sellerId, actor, portalAccountId: account.id, enabled: false }));
    expect(off).toMatchObject({ ok: true, data: { status: 'disabled' } });
    expect(await loadCustomerSession(db, { portalAccountId: account.id, sessionVersion: account.sessionVersion, sellerId: acme.sellerId })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: account.email, password: 'right-password' })).toBeNull();
    const area = { kind: 'customer' as const, sellerId: acme.sellerId };
    expect((await completeAccountLink(db, { area, token: pending, purpose: 'sign_in' })).ok).toBe(false);

    const on = await asResult(setPortalAccountEnabled(db, { sellerId: acme.sellerId, actor, portalAccountId: account.id, enabled: true }));
    expect(on).toMatchObject({ ok: true, data: { status: 'active' } });
    // The old session stays ended (its version is gone); the password works again.
    expect(await loadCustomerSession(db, { portalAccountId: account.id, sessionVersion: account.sessionVersion, sellerId: acme.sellerId })).toBeNull();
    expect(await verifyCustomerCredentials(db, { sellerId: acme.sellerId, email: account.email, password: 'right-password' })).not.toBeNull();
    expect((await inspectAccountLink(db, { area, token: pending, purpose: 'sign_in' })).state).toBe('replaced');

    const audit = await db.select().from(s.auditEntries).where(eq(s.auditEntries.entityId, account.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['portal_account.disable', 'portal_account.enable']));
    const [row] = await listPortalAccounts(db, { sellerId: acme.sellerId, organizationId: org.id });
    expect(row?.status).toBe('active');
  });

  it("another seller's staff cannot invite into, resend or disable this seller's accounts", async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    const account = await addPortalAccount(db, acme, org.id, { status: 'invited' });
    const asBolt = { sellerId: bolt.sellerId, actor };
    expect(await asResult(invitePortalAccount(db, { ...asBolt, organizationId: org.id, name: 'Mal', email: 'mal@x.test' }))).toMatchObject({ ok: false });
    expect(await asResult(resendPortalInvite(db, { ...asBolt, portalAccountId: account.id }))).toMatchObject({ ok: false });
    expect(await asResult(setPortalAccountEnabled(db, { ...asBolt, portalAccountId: account.id, enabled: false }))).toMatchObject({ ok: false });
    const [after] = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.id, account.id));
    expect(after!.status).toBe('invited');
    expect(await emailsTo(db, 'mal@x.test')).toHaveLength(0);
  });

  it('staff: owners invite with a role, admins only plain staff; a disabled staff session is refused', async () => {
    const { db } = database;
    const owner = await addStaffUser(db, acme, { role: 'owner', passwordHash });
    const admin = await addStaffUser(db, acme, { role: 'admin', passwordHash });
    const asOwner = { sellerId: acme.sellerId, staffUserId: owner.id, name: owner.name, role: owner.role };
    const asAdmin = { sellerId: acme.sellerId, staffUserId: admin.id, name: admin.name, role: admin.role };

    expect(await asResult(inviteStaffUser(db, { manager: asAdmin, name: 'New Admin', email: 'na@seller.test', role: 'admin' }))).toMatchObject({ ok: false });
    const invited = await asResult(inviteStaffUser(db, { manager: asOwner, name: 'New Admin', email: 'na@seller.test', role: 'admin' }));
    if (!invited.ok) throw new Error(invited.error);
    const message = await latestEmailTo(db, 'na@seller.test');
    expect(message!.kind).toBe('staff_invitation');
    const link = linkIn(message!.text);
    expect(link.url.pathname).toBe('/admin/activate');
    const done = await completeAccountLink(db, { area: { kind: 'staff' }, token: link.token, purpose: 'activation', password: 'staff-password' });
    if (!done.ok) throw new Error('activation failed');
    const check = await verifyStaffCredentials(db, { email: 'na@seller.test', password: 'staff-password' });
    const user = check.status === 'match' ? check.user : null;
    expect(user).toMatchObject({ role: 'admin', status: 'active', sellerId: acme.sellerId });
    expect(await loadStaffSession(db, { staffUserId: user!.id, sessionVersion: done.account.sessionVersion })).not.toBeNull();

    // An admin cannot disable an admin; an owner can, and the session ends.
    expect(await asResult(setStaffUserEnabled(db, { manager: asAdmin, staffUserId: user!.id, enabled: false }))).toMatchObject({ ok: false });
    expect(await asResult(setStaffUserEnabled(db, { manager: asOwner, staffUserId: user!.id, enabled: false }))).toMatchObject({ ok: true });
    expect(await loadStaffSession(db, { staffUserId: user!.id, sessionVersion: done.account.sessionVersion })).toBeNull();
    // Nobody disables or re-roles themselves.
    expect(await asResult(setStaffUserEnabled(db, { manager: asOwner, staffUserId: owner.id, enabled: false }))).toMatchObject({ ok: false });
    expect(await asResult(changeStaffRole(db, { manager: asOwner, staffUserId: owner.id, role: 'staff' }))).toMatchObject({ ok: false });
    expect(await asResult(changeStaffRole(db, { manager: asAdmin, staffUserId: user!.id, role: 'staff' }))).toMatchObject({ ok: false });
    expect(await asResult(changeStaffRole(db, { manager: asOwner, staffUserId: admin.id, role: 'staff' }))).toMatchObject({ ok: true, data: { role: 'staff' } });
    // Another seller's owner cannot touch Acme's staff.
    const boltOwner = await addStaffUser(db, bolt, { role: 'owner' });
    const asBolt = { sellerId: bolt.sellerId, staffUserId: boltOwner.id, name: boltOwner.name, role: boltOwner.role };
    expect(await asResult(setStaffUserEnabled(db, { manager: asBolt, staffUserId: admin.id, enabled: false }))).toMatchObject({ ok: false });
  });

  it("finds an account only with its own seller: another seller's id of the same account is not found", async () => {
    const { db } = database;
    const org = await addOrganization(db, acme);
    const customer = await addPortalAccount(db, acme, org.id, { email: 'scoped@buyer.test', passwordHash });
    const staff = await addStaffUser(db, acme, { passwordHash });
    for (const subject of [{ kind: 'customer' as const, id: customer.id }, { kind: 'staff' as const, id: staff.id }]) {
      expect(await findAccount(db, { sellerId: acme.sellerId, subject })).toMatchObject({ subject, sellerId: acme.sellerId });
      expect(await findAccount(db, { sellerId: bolt.sellerId, subject })).toBeNull();
    }
  });
});
