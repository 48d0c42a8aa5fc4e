import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { env } from '@/lib/env';
import { createHashSlots, type HashSlots } from './hash-slots';

/**
 * scrypt at OWASP's equivalent setting with less memory: N=2^15, r=8, p=3
 * (32 MiB per hash instead of 128 MiB at N=2^17, p=1, for the same work).
 * Stored as `scrypt$N$r$p$salt$hash`, so hashes made with older parameters
 * still verify, and `needsRehash` says when to replace them.
 */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_LENGTH = 32;

/**
 * At most PASSWORD_HASH_CONCURRENCY hashes at once in this process
 * (lib/auth/hash-slots.ts). Kept on globalThis: Next may load this module
 * once per bundle layer (route handlers, server actions), and the cap is per
 * process, not per copy.
 */
const shared = globalThis as typeof globalThis & { __tradepostHashSlots?: HashSlots };
export const hashSlots = (shared.__tradepostHashSlots ??= createHashSlots(() => env().PASSWORD_HASH_CONCURRENCY));

/**
 * Every hash slot is taken: the sign-in is answered "busy" at once instead of
 * queuing more scrypt work. Recognise it with isPasswordHashingBusy (by name,
 * for the same reason as above).
 */
export class PasswordHashingBusy extends Error {
  constructor() {
    super('Too many sign-in attempts right now. Please try again in a moment.');
    this.name = 'PasswordHashingBusy';
  }
}

export function isPasswordHashingBusy(error: unknown): error is PasswordHashingBusy {
  return error instanceof Error && error.name === 'PasswordHashingBusy';
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function optionsFor(n: number, rr: number, pp: number): ScryptOptions {
  return { N: n, r: rr, p: pp, maxmem: 256 * n * rr + 1024 * 1024 };
}

/**
 * A new hash for a password being set. Only a valid one-time link (or a
 * seed, or a sign-in that just succeeded) asks for one, so it waits for a
 * free slot rather than refusing.
 */
export async function hashPassword(password: string): Promise<string> {
  const release = await hashSlots.acquire();
  try {
    const { N, r, p } = SCRYPT_PARAMS;
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, optionsFor(N, r, p));
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  } finally {
    release();
  }
}

/**
 * Checks a password at sign-in. Throws PasswordHashingBusy, without hashing,
 * when every slot is taken.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const release = hashSlots.tryAcquire();
  if (!release) throw new PasswordHashingBusy();
  try {
    const expected = Buffer.from(hash, 'base64url');
    const key = await scrypt(password, Buffer.from(salt, 'base64url'), optionsFor(Number(n), Number(rr), Number(pp)));
    return key.length === expected.length && timingSafeEqual(key, expected);
  } finally {
    release();
  }
}

/** A hash made with other parameters than today's: replace it once the password is known to be right. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, rr, pp] = stored.split('$');
  const { N, r, p } = SCRYPT_PARAMS;
  return scheme !== 'scrypt' || Number(n) !== N || Number(rr) !== r || Number(pp) !== p;
}

/**
 * What an unknown email is checked against, so timing does not tell that it
 * is unknown: a hash of a random password nobody knows, made with
 * SCRYPT_PARAMS (a unit test keeps the two in step). A constant rather than a
 * hash made on first use, so the first sign-in does not run a second scrypt.
 */
const DECOY_HASH = 'scrypt$32768$8$3$FK_YBfXJuyIgQyXh4AEIrg$4i9x1_A-jpQfMQ93-p1C52YoGbXEp5ZGOUvMZ9e4IJY';
export function decoyPasswordHash(): string {
  return DECOY_HASH;
}
