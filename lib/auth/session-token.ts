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

/** The claims of a session token, or null when it is missing, expired, tampered with or made for another cookie. */
export async function decodeSessionToken(token: string | undefined, params: { salt: string; secret?: string }): Promise<JWTPayload | null> {
  if (!token) return null;
  try {
    const { key, kid } = await derivedKey(params.secret ?? authSecret(), params.salt);
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error('no matching decryption secret');
        return key;
      },
      { clockTolerance: 15, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256CBC-HS512'] },
    );
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
