import { afterEach, describe, expect, it, vi } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import { DEVELOPMENT_AUTH_SECRET } from '@/lib/env';
import { sessionCookieName } from '@/lib/auth/session-cookies';
import { decodeSessionToken, sessionClaims } from '@/lib/auth/session-token';

const secret = DEVELOPMENT_AUTH_SECRET; // what authSecret() answers outside production
const customer = sessionCookieName('customer');
const staff = sessionCookieName('staff');
const claims = { sub: '7', uid: 7, sid: 3, ver: 2 };

/** The session cookie read without Auth.js's request cycle must read exactly as Auth.js reads it. */
describe('session tokens read with a derived key kept per cookie name (lib/auth/session-token.ts)', () => {
  it("reads Auth.js's own tokens to the same claims as Auth.js's decode, again and again", async () => {
    const token = await encode({ token: claims, secret, salt: customer, maxAge: 3600 });
    const theirs = await decode({ token, secret, salt: customer });
    for (let i = 0; i < 3; i++) expect(await decodeSessionToken(token, { secret, salt: customer })).toEqual(theirs);
    expect(theirs).toMatchObject(claims);
    expect(await sessionClaims('customer', { get: (name) => (name === customer ? { value: token } : undefined) })).toEqual(theirs);
  });

  it('refuses what Auth.js refuses: another cookie, another secret, an expired or altered token, no token', async () => {
    const token = await encode({ token: claims, secret, salt: customer, maxAge: 3600 });
    await expect(decode({ token, secret, salt: staff })).rejects.toThrow();
    expect(await decodeSessionToken(token, { secret, salt: staff })).toBeNull();
    expect(await decodeSessionToken(token, { secret: `${secret}-other`, salt: customer })).toBeNull();
    const expired = await encode({ token: claims, secret, salt: customer, maxAge: -60 });
    await expect(decode({ token: expired, secret, salt: customer })).rejects.toThrow();
    expect(await decodeSessionToken(expired, { secret, salt: customer })).toBeNull();
    const parts = token.split('.');
    const flipped = parts[3]!.startsWith('A') ? `B${parts[3]!.slice(1)}` : `A${parts[3]!.slice(1)}`;
    expect(await decodeSessionToken([...parts.slice(0, 3), flipped, parts[4]].join('.'), { secret, salt: customer })).toBeNull();
    expect(await decodeSessionToken('not-a-token', { secret, salt: customer })).toBeNull();
    expect(await decodeSessionToken(undefined, { secret, salt: customer })).toBeNull();
    expect(await sessionClaims('staff', { get: () => undefined })).toBeNull();
  });

  describe('a token read before is not decrypted again, and still expires', () => {
    afterEach(() => vi.useRealTimers());

    it('answers a read token under its own cookie name and secret only', async () => {
      const token = await encode({ token: claims, secret, salt: customer, maxAge: 3600 });
      expect(await decodeSessionToken(token, { secret, salt: customer })).toMatchObject(claims);
      expect(await decodeSessionToken(token, { secret, salt: staff })).toBeNull();
      expect(await decodeSessionToken(token, { secret: `${secret}-other`, salt: customer })).toBeNull();
      const again = await decodeSessionToken(token, { secret, salt: customer });
      expect(again).toMatchObject(claims);
      // A caller changing its copy changes nothing for the next read.
      (again as Record<string, unknown>).uid = 99;
      expect(await decodeSessionToken(token, { secret, salt: customer })).toMatchObject({ uid: 7 });
    });

    it('refuses a read token once it has expired (with the same 15 s tolerance as Auth.js)', async () => {
      const token = await encode({ token: claims, secret, salt: customer, maxAge: 60 });
      const payload = await decodeSessionToken(token, { secret, salt: customer });
      expect(payload).toMatchObject(claims);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(((payload!.exp as number) + 10) * 1000);
      expect(await decodeSessionToken(token, { secret, salt: customer })).toMatchObject(claims);
      vi.setSystemTime(((payload!.exp as number) + 16) * 1000);
      expect(await decodeSessionToken(token, { secret, salt: customer })).toBeNull();
    });
  });
});
