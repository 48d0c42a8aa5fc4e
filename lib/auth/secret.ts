/**
 * The secret that signs session cookies. Production (`npm start`) must set
 * AUTH_SECRET; development falls back to a fixed secret so `npm run dev` works
 * on a fresh clone.
 */
export function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('AUTH_SECRET must be set in production: e.g. AUTH_SECRET=$(openssl rand -base64 32) npm start');
  }
  return 'tradepost-development-secret-do-not-use-in-production';
}

/** Cookies are `Secure` only when the app is served over HTTPS. */
export function secureCookies(): boolean {
  return (process.env.AUTH_URL ?? process.env.APP_URL ?? '').startsWith('https://');
}
