import { hkdf } from '@panva/hkdf';
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from 'jose';
import { authSecret } from './secret';
import { sessionCookieName, type SessionArea } from './session-cookies';

/**
 * Reads a session cookie the way Auth.js's `decode` (next-auth/jwt) does (the
 * same libraries, algorithms and clock tolerance: an encrypted JWT, `dir`
 * with A256CBC-HS512 under a key derived from AUTH_SECRET and the cookie's
 * name), but derives that key and its thumbprint once per cookie name
 * instead of on every request: a CPU profile of For Sale under load showed the
 * derivation, and Auth.js's whole `auth()` request cycle around it, on every
 * signed-in page. The key depends on nothing but the secret and the name, so
 * every instance derives the same one.
 */
type DerivedKey = { key: Uint8Array; kid: string };
const derived = new Map<string, Promise<DerivedKey>>();

function derivedKey(secret: string, salt: string): Promise<DerivedKey> {
  const id = `${salt}\u0000${secret}`;
  let key = derived.get(id);
  if (!key) {
    key = (async () => {
      const bytes = await hkdf('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64);
      return { key: bytes, kid: await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(bytes) }, 'sha512') };
    })();
    derived.set(id, key);
    key.catch(() => derived.delete(id));
  }
  return key;
}

/**
 * Tokens already read, newest last, with their claims: a page view reads its
 * token twice (proxy.ts renews it, the page checks it) and a buyer sends the
 * same token on every request, while each read costs an AES decryption and
 * three HMACs (a CPU profile of checkout under load: 6–8% of the server's
 * time). A token's claims are a pure function of the token, the secret and the
 * cookie's name, all three in the key, so every instance would read the same
 * claims; expiry is checked again on every read, and whether the session still
 * counts (its version, the account) is read from the database on every request
 * as before. Nothing is shared between instances or decided by this memo.
 */
const MAX_READ_TOKENS = 2000;
const readTokens = new Map<string, JWTPayload>();
const CLOCK_TOLERANCE_SECONDS = 15;

function expired(payload: JWTPayload): boolean {
  return typeof payload.exp === 'number' && payload.exp + CLOCK_TOLERANCE_SECONDS <= Math.floor(Date.now() / 1000);
}

/** The claims of a session token, or null when it is missing, expired, tampered with or made for another cookie. */
export async function decodeSessionToken(token: string | undefined, params: { salt: string; secret?: string }): Promise<JWTPayload | null> {
  if (!token) return null;
  const secret = params.secret ?? authSecret();
  const memo = `${params.salt}\u0000${secret}\u0000${token}`;
  const known = readTokens.get(memo);
  if (known) {
    readTokens.delete(memo);
    if (expired(known)) return null;
    readTokens.set(memo, known);
    return { ...known };
  }
  try {
    const { key, kid } = await derivedKey(secret, params.salt);
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error('no matching decryption secret');
        return key;
      },
      { clockTolerance: CLOCK_TOLERANCE_SECONDS, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256CBC-HS512'] },
    );
    readTokens.set(memo, Object.freeze({ ...payload }));
    while (readTokens.size > MAX_READ_TOKENS) readTokens.delete(readTokens.keys().next().value!);
    return payload;
  } catch {
    return null;
  }
}

/** The signed-in session of an area from the request's cookies, as its claims, or null. */
export async function sessionClaims(area: SessionArea, cookies: { get(name: string): { value: string } | undefined }): Promise<JWTPayload | null> {
  const name = sessionCookieName(area);
  return decodeSessionToken(cookies.get(name)?.value, { salt: name });
}
