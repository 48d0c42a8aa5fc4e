import { encode } from 'next-auth/jwt';
import { decodeSessionToken } from './session-token';

/**
 * Customer sessions end a week after they were last used, and never later
 * than 30 days after signing in. Auth.js's `updateAge` does not do this for
 * JWT sessions: it re-signs the cookie only when its session endpoint is
 * called, which our server-rendered pages never do (and a server component
 * cannot set cookies). So proxy.ts, which sees every portal request, re-issues
 * the cookie here, at most once a day.
 */
export const CUSTOMER_SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60;
export const CUSTOMER_SESSION_REFRESH_SECONDS = 24 * 60 * 60;
export const CUSTOMER_SESSION_ABSOLUTE_SECONDS = 30 * 24 * 60 * 60;

/** The claim with the time of signing in (seconds), carried over every refresh. */
export const SIGNED_IN_AT_CLAIM = 'sia';

export type Refreshed = { token: string; expires: Date };

/**
 * A fresh copy of a session token that is due for one, or null: not due yet,
 * past its absolute lifetime, or not a token of ours (then the data layer
 * refuses it as usual). The copy keeps every claim, so the session version
 * check still applies to it.
 */
export async function refreshedSessionToken(params: {
  token: string;
  secret: string;
  salt: string;
  now?: Date;
}): Promise<Refreshed | null> {
  const now = Math.floor((params.now ?? new Date()).getTime() / 1000);
  const payload: Record<string, unknown> | null = await decodeSessionToken(params.token, { secret: params.secret, salt: params.salt });
  if (!payload || typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.exp <= now) return null;
  if (now - payload.iat < CUSTOMER_SESSION_REFRESH_SECONDS) return null;
  const signedInAt = typeof payload[SIGNED_IN_AT_CLAIM] === 'number' ? (payload[SIGNED_IN_AT_CLAIM] as number) : payload.iat;
  const expiresAt = Math.min(now + CUSTOMER_SESSION_IDLE_SECONDS, signedInAt + CUSTOMER_SESSION_ABSOLUTE_SECONDS);
  if (expiresAt <= payload.exp) return null;
  // Auth.js sets issued-at, expiry and id afresh on every token it encodes.
  const claims = Object.fromEntries(Object.entries(payload).filter(([key]) => !['iat', 'exp', 'jti'].includes(key)));
  const token = await encode({
    token: { ...claims, [SIGNED_IN_AT_CLAIM]: signedInAt },
    secret: params.secret,
    salt: params.salt,
    maxAge: expiresAt - now,
  });
  return { token, expires: new Date(expiresAt * 1000) };
}
