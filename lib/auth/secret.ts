import { DEVELOPMENT_AUTH_SECRET, env, isProductionServer, servedOverHttps } from '@/lib/env';

/**
 * The secret that signs session cookies. A production start without a strong
 * AUTH_SECRET is refused by instrumentation.ts before any request; development
 * falls back to a fixed secret so `npm run dev` works on a fresh clone.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (isProductionServer(e)) throw new Error('AUTH_SECRET must be set in production: e.g. AUTH_SECRET=$(openssl rand -base64 32) npm start');
  return DEVELOPMENT_AUTH_SECRET;
}

/** Cookies are `Secure` (and `__Host-` prefixed) when the app's public address is HTTPS. */
export function secureCookies(): boolean {
  return servedOverHttps();
}
