import { servedOverHttps } from '@/lib/env';

/**
 * The names and flags of the two session cookies, in one place for Auth.js
 * and for proxy.ts (which only checks that a cookie is there). Served over
 * HTTPS (an https APP_URL), they are `Secure` and carry the `__Host-` prefix:
 * the browser then refuses them from plain http and from any other host,
 * including a sibling subdomain, and they cannot take a Domain attribute.
 * Changing the name also changes the JWT salt, so a switch signs everyone out once.
 */
export type SessionArea = 'staff' | 'customer';

const baseNames: Record<SessionArea, string> = {
  staff: 'tp-staff-session',
  customer: 'tp-customer-session',
};

export function sessionCookieName(area: SessionArea, secure: boolean = servedOverHttps()): string {
  return secure ? `__Host-${baseNames[area]}` : baseNames[area];
}

export function sessionCookie(area: SessionArea, secure: boolean = servedOverHttps()) {
  return {
    name: sessionCookieName(area, secure),
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}
