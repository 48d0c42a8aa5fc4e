import { describe, expect, it } from 'vitest';
import { createHashSlots } from '@/lib/auth/hash-slots';
import { decoyPasswordHash, hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from '@/lib/auth/password';

/** scrypt at N=2^17, r=8, p=1 (the parameters used before), made with node:crypto directly. */
const OLD_HASH = 'scrypt$131072$8$1$R2d8kTQlcjJ1c8q3j6rRkw$';

describe('password hashing (lib/auth/password.ts)', () => {
  it('new hashes use N=2^15, r=8, p=3 and verify; the decoy uses the same parameters', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '32768', '8', '3']);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('wrong horse', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
    const { N, r, p } = SCRYPT_PARAMS;
    expect(decoyPasswordHash().split('$').slice(0, 4)).toEqual(['scrypt', String(N), String(r), String(p)]);
    expect(await verifyPassword('anything', decoyPasswordHash())).toBe(false);
  });

  it('hashes made with the old parameters still verify, and are due for a rehash', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from(OLD_HASH.split('$')[4]!, 'base64url');
    const key = scryptSync('old password', salt, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 17 * 8 + 1024 * 1024 });
    const stored = OLD_HASH + key.toString('base64url');
    expect(await verifyPassword('old password', stored)).toBe(true);
    expect(await verifyPassword('other password', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('hash slots: tryAcquire refuses when full, acquire waits its turn', async () => {
    const slots = createHashSlots(() => 2);
    const a = slots.tryAcquire()!;
    const b = slots.tryAcquire()!;
    expect(slots.tryAcquire()).toBeNull();
    let waited = false;
    const later = slots.acquire().then((release) => {
      waited = true;
      return release;
    });
    await Promise.resolve();
    expect(waited).toBe(false);
    a();
    a(); // releasing twice frees one slot only
    const c = await later;
    expect(slots.tryAcquire()).toBeNull();
    b();
    c();
    expect(slots.stats()).toMatchObject({ running: 0, peak: 2, started: 3, refused: 2 });
  });
});
