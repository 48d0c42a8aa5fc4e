import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { requestAccountLink } from '@/db/queries/account-links';
import { verifyStaffCredentials } from '@/db/queries/accounts';
import { changeStaffRole, inviteStaffUser, recentStaffUserChanges, setStaffUserEnabled, type StaffManager } from '@/db/queries/staff-users';
import { describeStaffUserChange } from '@/components/staff-users/staff-user-changes';
import { hashPassword } from '@/lib/auth/password';
import { staffHandlers } from '@/lib/auth/staff-auth';
import { buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffUser, emailsTo, linkIn } from '../support/auth-fixtures';
import { authEndpoint, fromSocket, serveAppFrom } from '../support/auth-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { asResult } from '../support/as-result';

const managerOf = (user: s.StaffUser): StaffManager => ({ sellerId: user.sellerId, staffUserId: user.id, name: user.name, role: user.role });

describe('staff accounts across sellers', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let bolt: SellerFixture;
  let acmeHash: string;
  let boltHash: string;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    serveAppFrom(database);
    acme = await buildSeller(database.db);
    bolt = await buildSeller(database.db);
    [acmeHash, boltHash] = await Promise.all([hashPassword('acme-password'), hashPassword('bolt-password')]);
  });
  afterAll(() => database.close());

  it("inviting someone who is staff at another seller answers exactly as for a stranger (nothing about the other seller)", async () => {
    const { db } = database;
    const acmeOwner = await addStaffUser(db, acme, { role: 'owner' });
    await addStaffUser(db, bolt, { email: 'pat@shared.test', role: 'staff' });
    const forBoltsStaff = await asResult(inviteStaffUser(db, { manager: managerOf(acmeOwner), name: 'Pat', email: 'Pat@Shared.test', role: 'staff' }));
    const forStranger = await asResult(inviteStaffUser(db, { manager: managerOf(acmeOwner), name: 'Sue', email: 'sue@stranger.test', role: 'staff' }));
    expect(forBoltsStaff).toMatchObject({ ok: true, message: 'Invitation sent to Pat@Shared.test.' });
    expect(forStranger).toMatchObject({ ok: true, message: 'Invitation sent to sue@stranger.test.' });
    // Pat now has an account at each seller.
    const pats = await db.select().from(s.staffUsers).where(eq(s.staffUsers.email, 'pat@shared.test'));
    expect(pats.map((p) => p.sellerId)).toEqual([bolt.sellerId]);
    // Within one seller an email is still unique, and saying so tells the seller only about itself.
    const again = await asResult(inviteStaffUser(db, { manager: managerOf(acmeOwner), name: 'Pat', email: 'PAT@shared.test', role: 'staff' }));
    expect(again).toMatchObject({ ok: false, error: 'This email already belongs to one of your staff users.' });
  });

  it('one email at two sellers: each password signs in to its own account; one password for both is refused and a link is suggested', async () => {
    const { db } = database;
    const atAcme = await addStaffUser(db, acme, { email: 'two@jobs.test', passwordHash: acmeHash, role: 'staff' });
    const atBolt = await addStaffUser(db, bolt, { email: 'two@jobs.test', passwordHash: boltHash, role: 'admin' });
    expect(await verifyStaffCredentials(db, { email: 'TWO@jobs.test', password: 'acme-password' })).toMatchObject({ status: 'match', user: { id: atAcme.id } });
    expect(await verifyStaffCredentials(db, { email: 'two@jobs.test', password: 'bolt-password' })).toMatchObject({ status: 'match', user: { id: atBolt.id } });
    expect(await verifyStaffCredentials(db, { email: 'two@jobs.test', password: 'neither' })).toEqual({ status: 'none' });

    const same = await hashPassword('same-password');
    await addStaffUser(db, acme, { email: 'same@jobs.test', passwordHash: same });
    await addStaffUser(db, bolt, { email: 'same@jobs.test', passwordHash: same });
    expect(await verifyStaffCredentials(db, { email: 'same@jobs.test', password: 'same-password' })).toEqual({ status: 'several' });
    const api = await authEndpoint(staffHandlers, '/api/auth/staff');
    const answer = await api.signIn({ email: 'same@jobs.test', password: 'same-password' }, fromSocket('192.0.2.80'));
    expect(answer.code).toBe('several_accounts');
    expect(answer.sessionCookie).toBeNull();
    // A disabled account does not count as a second match.
    await db.update(s.staffUsers).set({ status: 'disabled' }).where(and(eq(s.staffUsers.email, 'same@jobs.test'), eq(s.staffUsers.sellerId, bolt.sellerId)));
    expect(await verifyStaffCredentials(db, { email: 'same@jobs.test', password: 'same-password' })).toMatchObject({ status: 'match' });
  });

  it('a sign-in link request for such an email sends one link per account, each naming its company', async () => {
    const { db } = database;
    await addStaffUser(db, acme, { email: 'links@jobs.test', passwordHash: acmeHash });
    await addStaffUser(db, bolt, { email: 'links@jobs.test', passwordHash: boltHash });
    await requestAccountLink(db, { area: { kind: 'staff' }, email: 'Links@jobs.test', purpose: 'sign_in' });
    const mails = await emailsTo(db, 'links@jobs.test', 'staff_sign_in_link');
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.sellerId).sort()).toEqual([acme.sellerId, bolt.sellerId].sort());
    for (const mail of mails) {
      const seller = mail.sellerId === acme.sellerId ? acme : bolt;
      expect(mail.text).toContain(seller.seller.name);
      expect(linkIn(mail.text).url.pathname).toBe('/admin/sign-in-link');
    }
  });

  describe('two owners changing each other at the same moment', () => {
    async function twoOwners() {
      const seller = await buildSeller(database.db);
      const a = await addStaffUser(database.db, seller, { role: 'owner' });
      const b = await addStaffUser(database.db, seller, { role: 'owner' });
      return { seller, a, b };
    }
    async function activeOwners(sellerId: number) {
      const rows = await database.db
        .select()
        .from(s.staffUsers)
        .where(and(eq(s.staffUsers.sellerId, sellerId), eq(s.staffUsers.role, 'owner'), eq(s.staffUsers.status, 'active')));
      return rows.length;
    }

    it('demoting each other: one wins, the other is refused, one active owner is left', async () => {
      const { seller, a, b } = await twoOwners();
      const results = await Promise.all([
        asResult(changeStaffRole(database.db, { manager: managerOf(a), staffUserId: b.id, role: 'admin' })),
        asResult(changeStaffRole(database.db, { manager: managerOf(b), staffUserId: a.id, role: 'admin' })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
      expect(await activeOwners(seller.sellerId)).toBe(1);
    });

    it('disabling each other: the same', async () => {
      const { seller, a, b } = await twoOwners();
      const results = await Promise.all([
        asResult(setStaffUserEnabled(database.db, { manager: managerOf(a), staffUserId: b.id, enabled: false })),
        asResult(setStaffUserEnabled(database.db, { manager: managerOf(b), staffUserId: a.id, enabled: false })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await activeOwners(seller.sellerId)).toBe(1);
    });

    it('one demotes while the other disables: the same', async () => {
      const { seller, a, b } = await twoOwners();
      const results = await Promise.all([
        asResult(changeStaffRole(database.db, { manager: managerOf(a), staffUserId: b.id, role: 'staff' })),
        asResult(setStaffUserEnabled(database.db, { manager: managerOf(b), staffUserId: a.id, enabled: false })),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await activeOwners(seller.sellerId)).toBe(1);
    });

    it('a manager whose role changed since their session started is judged by the current role', async () => {
      const { a, b } = await twoOwners();
      const staleA = managerOf(a);
      await asResult(changeStaffRole(database.db, { manager: managerOf(b), staffUserId: a.id, role: 'staff' }));
      expect(await asResult(changeStaffRole(database.db, { manager: staleA, staffUserId: b.id, role: 'staff' }))).toMatchObject({
        ok: false,
        error: 'Only an owner can change roles.',
      });
      expect(await asResult(setStaffUserEnabled(database.db, { manager: staleA, staffUserId: b.id, enabled: false }))).toMatchObject({ ok: false });
    });
  });
});

describe('role changes: owners only, said in words, and audited readably', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let bolt: SellerFixture;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    acme = await buildSeller(database.db);
    bolt = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const roleOf = async (id: number) => (await database.db.select().from(s.staffUsers).where(eq(s.staffUsers.id, id)))[0]!.role;
  const roleAudits = async (sellerId: number) =>
    database.db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.sellerId, sellerId), eq(s.auditEntries.action, 'staff_user.role')));

  it('an owner makes Sam Staff an Owner: the answer says so and the audit names who, from and to', async () => {
    const { db } = database;
    const olivia = await addStaffUser(db, acme, { name: 'Olivia Owner', role: 'owner' });
    const sam = await addStaffUser(db, acme, { name: 'Sam Staff', role: 'staff' });
    const result = await asResult(changeStaffRole(db, { manager: managerOf(olivia), staffUserId: sam.id, role: 'owner' }));
    expect(result).toEqual({ ok: true, data: { role: 'owner' }, message: 'Sam Staff is now an Owner.' });
    expect(await roleOf(sam.id)).toBe('owner');
    const [audit] = await roleAudits(acme.sellerId);
    expect(audit).toMatchObject({ actorLabel: 'Olivia Owner', entityType: 'staff_user', entityId: sam.id, details: { name: 'Sam Staff', from: 'staff', to: 'owner' } });
    const [latest] = await recentStaffUserChanges(db, { sellerId: acme.sellerId });
    expect(describeStaffUserChange(latest!)).toBe('Olivia Owner made Sam Staff an Owner (was Staff)');
    // Another seller's list shows none of it.
    expect(await recentStaffUserChanges(db, { sellerId: bolt.sellerId })).toEqual([]);

    // Back to Admin, then the same role again changes nothing and writes nothing.
    expect(await asResult(changeStaffRole(db, { manager: managerOf(olivia), staffUserId: sam.id, role: 'admin' }))).toMatchObject({ ok: true, message: 'Sam Staff is now an Admin.' });
    expect(await asResult(changeStaffRole(db, { manager: managerOf(olivia), staffUserId: sam.id, role: 'admin' }))).toMatchObject({
      ok: true,
      message: 'Sam Staff is already an Admin; nothing changed.',
    });
    expect((await roleAudits(acme.sellerId)).length).toBe(2);
  });

  it('refuses admins, staff, changing oneself and users of another seller, and changes and records nothing', async () => {
    const { db } = database;
    const owner = await addStaffUser(db, acme, { role: 'owner' });
    const admin = await addStaffUser(db, acme, { role: 'admin' });
    const plain = await addStaffUser(db, acme, { role: 'staff' });
    const theirs = await addStaffUser(db, bolt, { role: 'staff' });
    const before = (await roleAudits(acme.sellerId)).length;
    expect(await asResult(changeStaffRole(db, { manager: managerOf(admin), staffUserId: plain.id, role: 'admin' }))).toMatchObject({ ok: false, error: 'Only an owner can change roles.' });
    expect(await asResult(changeStaffRole(db, { manager: managerOf(plain), staffUserId: admin.id, role: 'staff' }))).toMatchObject({ ok: false, error: 'Only an owner can change roles.' });
    expect(await asResult(changeStaffRole(db, { manager: managerOf(owner), staffUserId: owner.id, role: 'staff' }))).toMatchObject({ ok: false, error: 'You cannot change your own account here.' });
    expect(await asResult(changeStaffRole(db, { manager: managerOf(owner), staffUserId: theirs.id, role: 'owner' }))).toMatchObject({ ok: false, error: 'That staff user was not found.' });
    // A session that still says "owner" after being demoted is judged by the database, not by the session.
    await db.update(s.staffUsers).set({ role: 'admin' }).where(eq(s.staffUsers.id, owner.id));
    expect(await asResult(changeStaffRole(db, { manager: managerOf(owner), staffUserId: plain.id, role: 'owner' }))).toMatchObject({ ok: false, error: 'Only an owner can change roles.' });
    expect([await roleOf(plain.id), await roleOf(admin.id), await roleOf(theirs.id)]).toEqual(['staff', 'admin', 'staff']);
    expect((await roleAudits(acme.sellerId)).length).toBe(before);
    expect((await roleAudits(bolt.sellerId)).length).toBe(0);
  });

  it('disabling names the person in the answer and the audit', async () => {
    const { db } = database;
    const owner = await addStaffUser(db, acme, { role: 'owner' });
    const nora = await addStaffUser(db, acme, { name: 'Nora Night', role: 'staff' });
    expect(await asResult(setStaffUserEnabled(db, { manager: managerOf(owner), staffUserId: nora.id, enabled: false }))).toMatchObject({
      ok: true,
      message: 'Nora Night is disabled and signed out.',
    });
    const [latest] = await recentStaffUserChanges(db, { sellerId: acme.sellerId });
    expect(describeStaffUserChange(latest!)).toBe(`${owner.name} disabled Nora Night`);
  });
});
