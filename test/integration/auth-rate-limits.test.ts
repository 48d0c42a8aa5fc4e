import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { queryRows } from '@/db/rows';
import {
  LINK_REQUEST_LIMITS,
  SIGN_IN_LIMITS,
  beginSignInAttempt,
  checkLinkRequest,
  refundSignInAttempt,
} from '@/lib/auth/abuse-limits';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

const MINUTE = 60 * 1000;

describe('abuse limits', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('refuses the hit after the limit, says how many minutes to wait, and frees it when the window ends', async () => {
    const { db } = database;
    const start = new Date('2026-03-01T10:00:00Z');
    const key = 'test:window';
    for (let i = 0; i < 3; i++) {
      expect(await hitRateLimit(db, { key, limit: 3, windowSeconds: 600, now: start })).toEqual({ allowed: true });
    }
    expect(await hitRateLimit(db, { key, limit: 3, windowSeconds: 600, now: new Date(start.getTime() + 4 * MINUTE) })).toEqual({
      allowed: false,
      retryAfterSeconds: 360,
    });
    // Still refused one second before the window ends, free at its end: a fixed window, never for good.
    expect((await hitRateLimit(db, { key, limit: 3, windowSeconds: 600, now: new Date(start.getTime() + 10 * MINUTE - 1000) })).allowed).toBe(false);
    expect(await hitRateLimit(db, { key, limit: 3, windowSeconds: 600, now: new Date(start.getTime() + 10 * MINUTE) })).toEqual({ allowed: true });
    const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = ${key}`);
    expect(Number(row!.count)).toBe(1);
  });

  it('counts concurrent hits exactly (one atomic upsert per hit)', async () => {
    const { db } = database;
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => hitRateLimit(db, { key: 'test:concurrent', limit: 5, windowSeconds: 60, now })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('limits failed sign-ins per (email, address) with a "try again in N minutes" message; the same email elsewhere is unaffected', async () => {
    const { db } = database;
    const now = new Date('2026-03-02T10:00:00Z');
    const attempt = (email: string, address: string, at = now) =>
      beginSignInAttempt({ db, area: { kind: 'customer', slug: 'acme' }, email, address, now: at });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress.limit; i++) {
      expect((await attempt('Victim@Example.test', '10.0.0.1')).ok).toBe(true);
    }
    const refused = await attempt('victim@example.test', '10.0.0.1', new Date(now.getTime() + 3 * MINUTE));
    expect(refused).toEqual({ ok: false, error: 'Too many sign-in attempts. Please try again in 12 minutes.', retryAfterSeconds: 720 });
    // The owner from another address, another email from the same address: not limited.
    expect((await attempt('victim@example.test', '10.0.1.1')).ok).toBe(true);
    expect((await attempt('someone-else@example.test', '10.0.0.1')).ok).toBe(true);
    // The same email at another seller's portal, or at the back office, is a separate counter.
    expect((await beginSignInAttempt({ db, area: { kind: 'customer', slug: 'bolt' }, email: 'victim@example.test', address: '10.0.0.1', now })).ok).toBe(true);
    expect((await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'victim@example.test', address: '10.0.0.1', now })).ok).toBe(true);
    // After the window the address may try again.
    expect((await attempt('victim@example.test', '10.0.0.1', new Date(now.getTime() + 15 * MINUTE))).ok).toBe(true);
  });

  it('a higher ceiling per email holds against guesses from many addresses', async () => {
    const { db } = database;
    const now = new Date('2026-03-02T12:00:00Z');
    const area = { kind: 'staff' as const };
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      expect((await beginSignInAttempt({ db, area, email: 'popular@example.test', address: `10.1.${i >> 8}.${i & 255}`, now })).ok).toBe(true);
    }
    expect((await beginSignInAttempt({ db, area, email: 'popular@example.test', address: '10.2.0.1', now })).ok).toBe(false);
  });

  it('limits sign-ins per client address across many emails, in one area only', async () => {
    const { db } = database;
    const now = new Date('2026-03-03T10:00:00Z');
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) {
      const r = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: `guess${i}@example.test`, address: '203.0.113.9', now });
      expect(r.ok).toBe(true);
    }
    const refused = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'fresh@example.test', address: '203.0.113.9', now });
    expect(refused).toMatchObject({ ok: false, error: 'Too many sign-in attempts. Please try again in 15 minutes.' });
    expect((await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'fresh@example.test', address: '203.0.113.10', now })).ok).toBe(true);
    // A proxy address shared by one portal's users does not lock out another area.
    expect((await beginSignInAttempt({ db, area: { kind: 'customer', slug: 'acme' }, email: 'fresh@example.test', address: '203.0.113.9', now })).ok).toBe(true);
  });

  it('IPv6 addresses count by their /64 network', async () => {
    const { db } = database;
    const now = new Date('2026-03-03T12:00:00Z');
    const area = { kind: 'staff' as const };
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress.limit; i++) {
      expect((await beginSignInAttempt({ db, area, email: 'v6@example.test', address: `2001:db8:1:2::${(i + 1).toString(16)}`, now })).ok).toBe(true);
    }
    expect((await beginSignInAttempt({ db, area, email: 'v6@example.test', address: '2001:db8:1:2:ffff::1', now })).ok).toBe(false);
    expect((await beginSignInAttempt({ db, area, email: 'v6@example.test', address: '2001:db8:1:3::1', now })).ok).toBe(true);
  });

  it('a successful sign-in is refunded, so the owner who signs in often is never limited', async () => {
    const { db } = database;
    const now = new Date('2026-03-04T10:00:00Z');
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress.limit * 3; i++) {
      const r = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'owner@example.test', address: '198.51.100.1', now });
      expect(r.ok).toBe(true);
      if (r.ok) await refundSignInAttempt(db, r.keys);
    }
  });

  it('concurrent attempts sharing counters neither deadlock nor lose a count', async () => {
    const { db } = database;
    const now = new Date('2026-03-04T12:00:00Z');
    const area = { kind: 'staff' as const };
    const attempts = Array.from({ length: 24 }, (_, i) =>
      beginSignInAttempt({ db, area, email: `c${i % 3}@example.test`, address: `192.0.2.${i % 4}`, now }).then(async (r) => {
        if (r.ok && i % 8 === 0) await refundSignInAttempt(db, r.keys);
        return r;
      }),
    );
    expect((await Promise.all(attempts)).every((r) => r.ok)).toBe(true);
    const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = 'sign-in:address:staff:192.0.2.0'`);
    expect(Number(row!.count)).toBe(3); // six attempts from .0 (i = 0, 4, …, 20), three refunded (i = 0, 8, 16)
  });

  it('limits link requests per (email, address), per email (an inbox gets at most 10 an hour) and per address', async () => {
    const { db } = database;
    const now = new Date('2026-03-05T10:00:00Z');
    const area = { kind: 'customer' as const, slug: 'acme' };
    const request = (email: string, address: string, at = now) => checkLinkRequest({ db, area, email, address, now: at });
    for (let i = 0; i < LINK_REQUEST_LIMITS.perEmailAndAddress.limit; i++) expect((await request('links@example.test', '192.0.2.1')).ok).toBe(true);
    expect(await request('links@example.test', '192.0.2.1')).toMatchObject({ ok: false, error: 'Too many link requests. Please try again in 15 minutes.' });
    // From other addresses the owner still gets links, up to the inbox's hourly ceiling.
    const more = LINK_REQUEST_LIMITS.perEmail.limit - LINK_REQUEST_LIMITS.perEmailAndAddress.limit - 1;
    for (let i = 0; i < more; i++) expect((await request('links@example.test', `192.0.2.${10 + i}`)).ok).toBe(true);
    expect(await request('links@example.test', '192.0.2.100', new Date(now.getTime() + 20 * MINUTE))).toMatchObject({
      ok: false,
      error: 'Too many link requests. Please try again in 40 minutes.',
    });
    for (let i = 0; i < LINK_REQUEST_LIMITS.perAddress.limit; i++) {
      expect((await request(`l${i}@example.test`, '192.0.2.250')).ok).toBe(true);
    }
    const byAddress = await request('new@example.test', '192.0.2.250', new Date(now.getTime() + 14 * MINUTE));
    expect(byAddress).toMatchObject({ ok: false, error: 'Too many link requests. Please try again in 1 minute.' });
  });
});
