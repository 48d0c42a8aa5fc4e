import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { hashPassword, hashSlots } from '@/lib/auth/password';
import { limitKeys } from '@/lib/auth/abuse-limits';
import { customerHandlers } from '@/lib/auth/customer-auth';
import { staffHandlers } from '@/lib/auth/staff-auth';
import { addOrganization, addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffUser } from '../support/auth-fixtures';
import { authEndpoint, counter, fromSocket, serveAppFrom } from '../support/auth-endpoint';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

/**
 * Auth.js's own REST endpoints (`GET …/csrf`, `POST …/callback/password`),
 * which a script can call without the app's forms: they must count against
 * the same limits as the forms, and refuse before any password is hashed.
 */
describe('sign-in through Auth.js endpoints', () => {
  let database: TestDatabase;
  let acme: SellerFixture;
  let passwordHash: string;
  const staff = () => authEndpoint(staffHandlers, '/api/auth/staff');
  const customer = () => authEndpoint(customerHandlers, '/api/auth/customer');

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    serveAppFrom(database);
    acme = await buildSeller(database.db, { slug: 'acme' });
    passwordHash = await hashPassword('right-password');
  });
  afterAll(() => database.close());
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('staff: 11 wrong passwords then the right one set no session, and every attempt is counted', async () => {
    const owner = await addStaffUser(database.db, acme, { email: 'owner@acme.example', passwordHash });
    const api = await staff();
    const from = fromSocket('198.51.100.7');
    const codes: (string | null)[] = [];
    for (let i = 0; i < 11; i++) {
      const answer = await api.signIn({ email: owner.email, password: `wrong-${i}` }, from);
      expect(answer.sessionCookie).toBeNull();
      codes.push(answer.code);
    }
    expect(codes.slice(0, 10)).toEqual(Array(10).fill('credentials'));
    expect(codes[10]).toBe('rate_limited');
    const right = await api.signIn({ email: owner.email, password: 'right-password' }, from);
    expect(right.code).toBe('rate_limited');
    expect(right.sessionCookie).toBeNull();

    const keys = limitKeys('sign-in', { kind: 'staff' }, owner.email, '198.51.100.7');
    expect(keys.perEmailAndAddress).toBe('sign-in:email-address:staff:owner@acme.example|198.51.100.7');
    expect(await counter(database.db, keys.perEmailAndAddress)).toBe(12);
    expect(await counter(database.db, keys.perEmail)).toBe(12);
    expect(await counter(database.db, keys.perAddress)).toBe(12);
  });

  it('customer (slug=acme): the same', async () => {
    const org = await addOrganization(database.db, acme);
    const buyer = await addPortalAccount(database.db, acme, org.id, { email: 'buyer@northwind.example', passwordHash });
    const api = await customer();
    const from = fromSocket('198.51.100.8');
    for (let i = 0; i < 11; i++) {
      const answer = await api.signIn({ slug: 'acme', email: buyer.email, password: `wrong-${i}` }, from);
      expect(answer.sessionCookie).toBeNull();
      expect(answer.code).toBe(i < 10 ? 'credentials' : 'rate_limited');
    }
    const right = await api.signIn({ slug: 'acme', email: buyer.email, password: 'right-password' }, from);
    expect(right.sessionCookie).toBeNull();
    const keys = limitKeys('sign-in', { kind: 'customer', slug: 'acme' }, buyer.email, '198.51.100.8');
    expect(keys.perEmail).toBe('sign-in:email:p:acme:buyer@northwind.example');
    expect(await counter(database.db, keys.perEmailAndAddress)).toBe(12);
    expect(await counter(database.db, keys.perEmail)).toBe(12);
    expect(await counter(database.db, keys.perAddress)).toBe(12);
  });

  it('no targeted lockout: after 11 wrong passwords from A, the owner signs in from B; from A they are still limited', async () => {
    const user = await addStaffUser(database.db, acme, { email: 'target@acme.example', passwordHash });
    const api = await staff();
    for (let i = 0; i < 11; i++) await api.signIn({ email: user.email, password: `guess-${i}` }, fromSocket('203.0.113.1'));
    const fromB = await api.signIn({ email: user.email, password: 'right-password' }, fromSocket('203.0.113.2'));
    expect(fromB.code).toBeNull();
    expect(fromB.sessionCookie).not.toBeNull();
    const fromA = await api.signIn({ email: user.email, password: 'right-password' }, fromSocket('203.0.113.1'));
    expect(fromA.code).toBe('rate_limited');
    expect(fromA.sessionCookie).toBeNull();
    // The success from B was refunded: the per-email count is the 12 failures and refusals only.
    expect(await counter(database.db, limitKeys('sign-in', { kind: 'staff' }, user.email, 'x').perEmail)).toBe(12);
  });

  it('X-Real-IP and X-Forwarded-For are ignored by default: fresh ones on every attempt all count on the socket address', async () => {
    // e2e/deployment.spec.ts runs the full 51 attempts against a production server.
    const api = await staff();
    for (let i = 0; i < 3; i++) {
      const spoof = `10.9.0.${i}`;
      await api.signIn({ email: `nobody${i}@acme.example`, password: 'guess' }, fromSocket('192.0.2.50', { 'x-real-ip': spoof, 'x-forwarded-for': spoof }));
      expect(await counter(database.db, `sign-in:address:staff:${spoof}`)).toBeNull();
    }
    expect(await counter(database.db, 'sign-in:address:staff:192.0.2.50')).toBe(3);
  });

  it('behind one trusted proxy, the key is the last X-Forwarded-For entry (the one the proxy wrote)', async () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    const api = await staff();
    await api.signIn({ email: 'hop@acme.example', password: 'guess' }, fromSocket('127.0.0.1', { 'x-forwarded-for': 'spoof, 10.0.0.9', 'x-real-ip': '6.6.6.6' }));
    expect(await counter(database.db, 'sign-in:address:staff:10.0.0.9')).toBe(1);
    expect(await counter(database.db, 'sign-in:address:staff:spoof')).toBeNull();
    expect(await counter(database.db, 'sign-in:address:staff:127.0.0.1')).toBeNull();
    expect(await counter(database.db, 'sign-in:address:staff:6.6.6.6')).toBeNull();
  });

  it('a portal that does not exist costs no count and no hash', async () => {
    const api = await customer();
    const before = hashSlots.stats().started;
    const answer = await api.signIn({ slug: 'no-such-portal', email: 'a@b.test', password: 'x' }, fromSocket('192.0.2.60'));
    expect(answer.code).toBe('credentials');
    expect(hashSlots.stats().started).toBe(before);
    expect(await counter(database.db, 'sign-in:address:p:no-such-portal:192.0.2.60')).toBeNull();
  });

  it('50 concurrent sign-ins for unknown emails run at most PASSWORD_HASH_CONCURRENCY hashes; the rest are told "busy" at once', async () => {
    const api = await staff();
    const cap = 2; // the default of PASSWORD_HASH_CONCURRENCY
    const before = hashSlots.stats();
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api.signIn({ email: `burst${i}@nowhere.test`, password: 'guess' }, fromSocket('192.0.2.70'))),
    );
    const after = hashSlots.stats();
    const hashed = after.started - before.started;
    const busy = answers.filter((a) => a.code === 'busy').length;
    console.log(`[burst] ${hashed} hashes ran, ${busy} answered busy, peak ${after.peak} at once, ${Date.now() - started} ms in all`);
    expect(hashed).toBeGreaterThanOrEqual(1);
    expect(hashed).toBeLessThanOrEqual(cap);
    expect(after.peak).toBeLessThanOrEqual(cap);
    expect(busy).toBe(50 - hashed);
    expect(answers.filter((a) => a.code === 'credentials')).toHaveLength(hashed);
    // Once the burst is over, the real owner signs in.
    const owner = await addStaffUser(database.db, acme, { email: 'after-burst@acme.example', passwordHash });
    expect((await api.signIn({ email: owner.email, password: 'right-password' }, fromSocket('192.0.2.71'))).sessionCookie).not.toBeNull();
  }, 120_000);
});
