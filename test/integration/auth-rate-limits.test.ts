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

  it('limits failed sign-ins per email with a "try again in N minutes" message; other emails are unaffected', async () => {
    const { db } = database;
    const now = new Date('2026-03-02T10:00:00Z');
    const attempt = (email: string, address: string, at = now) =>
      beginSignInAttempt({ db, area: { kind: 'customer', slug: 'acme' }, email, address, now: at });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      expect((await attempt('Victim@Example.test', `10.0.0.${i}`)).ok).toBe(true);
    }
    const refused = await attempt('victim@example.test', '10.0.1.1', new Date(now.getTime() + 3 * MINUTE));
    expect(refused).toEqual({ ok: false, error: 'Too many sign-in attempts. Please try again in 12 minutes.' });
    expect((await attempt('someone-else@example.test', '10.0.1.1')).ok).toBe(true);
    // The same email at another seller's portal, or at the back office, is a separate counter.
    expect((await beginSignInAttempt({ db, area: { kind: 'customer', slug: 'bolt' }, email: 'victim@example.test', address: '10.0.1.2', now })).ok).toBe(true);
    expect((await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'victim@example.test', address: '10.0.1.3', now })).ok).toBe(true);
    // After the window the real owner can sign in again.
    expect((await attempt('victim@example.test', '10.0.1.1', new Date(now.getTime() + 15 * MINUTE))).ok).toBe(true);
  });

  it('limits sign-ins per client address across many emails', async () => {
    const { db } = database;
    const now = new Date('2026-03-03T10:00:00Z');
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.limit; i++) {
      const r = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: `guess${i}@example.test`, address: '203.0.113.9', now });
      expect(r.ok).toBe(true);
    }
    const refused = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'fresh@example.test', address: '203.0.113.9', now });
    expect(refused).toEqual({ ok: false, error: 'Too many sign-in attempts. Please try again in 15 minutes.' });
    expect((await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'fresh@example.test', address: '203.0.113.10', now })).ok).toBe(true);
  });

  it('a successful sign-in is refunded, so the owner who signs in often is never limited', async () => {
    const { db } = database;
    const now = new Date('2026-03-04T10:00:00Z');
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit * 3; i++) {
      const r = await beginSignInAttempt({ db, area: { kind: 'staff' }, email: 'owner@example.test', address: '198.51.100.1', now });
      expect(r.ok).toBe(true);
      if (r.ok) await refundSignInAttempt(db, r.keys);
    }
  });

  it('limits link requests per email and per address', async () => {
    const { db } = database;
    const now = new Date('2026-03-05T10:00:00Z');
    const area = { kind: 'customer' as const, slug: 'acme' };
    for (let i = 0; i < LINK_REQUEST_LIMITS.perEmail.limit; i++) {
      expect((await checkLinkRequest({ db, area, email: 'links@example.test', address: `192.0.2.${i}`, now })).ok).toBe(true);
    }
    expect(await checkLinkRequest({ db, area, email: 'links@example.test', address: '192.0.2.200', now })).toEqual({
      ok: false,
      error: 'Too many link requests. Please try again in 15 minutes.',
    });
    for (let i = 0; i < LINK_REQUEST_LIMITS.perAddress.limit; i++) {
      expect((await checkLinkRequest({ db, area, email: `l${i}@example.test`, address: '192.0.2.250', now })).ok).toBe(true);
    }
    const byAddress = await checkLinkRequest({ db, area, email: 'new@example.test', address: '192.0.2.250', now: new Date(now.getTime() + 14 * MINUTE) });
    expect(byAddress).toEqual({ ok: false, error: 'Too many link requests. Please try again in 1 minute.' });
  });
});
