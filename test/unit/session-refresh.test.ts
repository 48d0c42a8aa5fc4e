import { afterEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { decode, encode } from 'next-auth/jwt';
import { DEVELOPMENT_AUTH_SECRET } from '@/lib/env';
import { sessionCookieName } from '@/lib/auth/session-cookies';
import { refreshedSessionToken } from '@/lib/auth/session-refresh';

const DAY = 24 * 60 * 60 * 1000;
const secret = DEVELOPMENT_AUTH_SECRET; // what authSecret() answers outside production
const salt = sessionCookieName('customer');
const start = new Date('2026-06-01T08:00:00Z');

/** Runs `fn` with the clock at `at` (jose checks expiry against the clock). */
async function atTime<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

/** A customer session token as Auth.js issues it at `at` (sia = signed in at, seconds). */
function tokenIssuedAt(at: Date, claims: Record<string, unknown> = { uid: 7, sid: 3, ver: 2, sia: Math.floor(at.getTime() / 1000) }) {
  return atTime(at, () => encode({ token: claims, secret, salt, maxAge: 7 * 24 * 60 * 60 }));
}

function refreshAt(now: Date, token: string, otherSalt = salt) {
  return atTime(now, () => refreshedSessionToken({ token, secret, salt: otherSalt, now }));
}

describe('customer sessions renewed on use (lib/auth/session-refresh.ts)', () => {
  afterEach(() => vi.useRealTimers());

  it('a session used within a day of its issue is left alone', async () => {
    const token = await tokenIssuedAt(start);
    expect(await refreshAt(new Date(start.getTime() + DAY / 2), token)).toBeNull();
  });

  it('a day or more later it is re-issued for another week, keeping every claim and the time of signing in', async () => {
    const token = await tokenIssuedAt(start);
    const now = new Date(start.getTime() + 2 * DAY);
    const renewed = await refreshAt(now, token);
    expect(renewed!.expires.getTime()).toBe(now.getTime() + 7 * DAY);
    const payload = await atTime(now, () => decode({ token: renewed!.token, secret, salt }));
    expect(payload).toMatchObject({ uid: 7, sid: 3, ver: 2, sia: Math.floor(start.getTime() / 1000) });
  });

  it('never past 30 days after signing in, and not at all after that', async () => {
    const signedIn = { uid: 7, sid: 3, ver: 2, sia: Math.floor(start.getTime() / 1000) };
    // Renewed on day 22 (so it runs to day 29), used again on day 23.5: only one more day is left.
    const token = await tokenIssuedAt(new Date(start.getTime() + 22 * DAY), signedIn);
    const renewed = await refreshAt(new Date(start.getTime() + 23.5 * DAY), token);
    expect(renewed!.expires.getTime()).toBe(start.getTime() + 30 * DAY);
    expect(await refreshAt(new Date(start.getTime() + 25 * DAY), renewed!.token)).toBeNull();
    expect(await refreshAt(new Date(start.getTime() + 30.5 * DAY), renewed!.token)).toBeNull();
  });

  it('an expired, foreign or broken token is not renewed', async () => {
    const token = await tokenIssuedAt(start);
    expect(await refreshAt(new Date(start.getTime() + 8 * DAY), token)).toBeNull();
    expect(await refreshAt(new Date(start.getTime() + 2 * DAY), token, 'tp-staff-session')).toBeNull();
    expect(await refreshedSessionToken({ token: 'not-a-token', secret, salt })).toBeNull();
  });

  it('proxy.ts sends the renewed cookie with the same name and flags on a portal page, and nothing for a fresh one', async () => {
    const { proxy } = await import('@/proxy');
    const page = (token: string) =>
      proxy(new NextRequest('http://localhost:3000/p/acme/orders', { headers: { host: 'localhost:3000', cookie: `${salt}=${token}` } }));
    const due = await page(await tokenIssuedAt(new Date(Date.now() - 2 * DAY)));
    const line = due.headers.getSetCookie().find((c) => c.startsWith(`${salt}=`));
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/; SameSite=lax/i);
    expect((await page(await tokenIssuedAt(new Date()))).headers.getSetCookie()).toEqual([]);
  });
});
