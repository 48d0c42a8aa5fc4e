import { NextResponse, type NextRequest } from 'next/server';
import { routeByHost } from '@/lib/portal/custom-domains';
import { pageSecurity } from '@/lib/security-headers';

/**
 * Optimistic redirects only: a visitor without a session cookie goes to the
 * area's sign-in page. Real checks happen in the data layer (requireStaff,
 * requireCustomer). Also passes the requested path on, so sign-in can return there.
 *
 * On a seller's verified custom domain, `/x` is served as `/p/{slug}/x` (a
 * rewrite: the address bar keeps the seller's domain) and nothing but that
 * portal answers; see lib/portal/custom-domains.ts. Redirects are built on
 * `request.url`, whose origin under `next start` is the server's own, so Next
 * sends them as relative `Location`s: they stay on the host the visitor used.
 *
 * Every response it returns carries the security headers, with a fresh CSP
 * nonce that Next stamps on its scripts (lib/security-headers.ts).
 */
const STAFF_COOKIE = 'tp-staff-session';
const CUSTOMER_COOKIE = 'tp-customer-session';
const publicPortalPages = /^\/p\/[^/]+\/(sign-in|activate|forgot-password|sign-in-link|reset-password|logo)(\/|$)/;
const publicAdminPages = /^\/admin\/(sign-in|activate|forgot-password|sign-in-link|reset-password)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { search } = request.nextUrl;
  const routed = await routeByHost(request);
  if (routed instanceof Response) return routed;
  const { pathname, rewrite } = routed;

  const security = pageSecurity(pathname);
  const headers = security.stamp(new Headers(request.headers));
  headers.set('x-tp-path', pathname + search);

  if (pathname.startsWith('/admin') && !publicAdminPages.test(pathname) && !request.cookies.has(STAFF_COOKIE)) {
    const url = new URL('/admin/sign-in', request.url);
    url.searchParams.set('next', pathname + search);
    return security.apply(NextResponse.redirect(url));
  }
  const portal = /^\/p\/([^/]+)/.exec(pathname);
  if (portal && !publicPortalPages.test(pathname) && !request.cookies.has(CUSTOMER_COOKIE)) {
    const url = new URL(`/p/${portal[1]}/sign-in`, request.url);
    url.searchParams.set('next', pathname + search);
    return security.apply(NextResponse.redirect(url));
  }
  if (rewrite) {
    const url = request.nextUrl.clone();
    url.pathname = pathname;
    return security.apply(NextResponse.rewrite(url, { request: { headers } }));
  }
  return security.apply(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Everything but Next's static files: a custom domain must also refuse /api paths.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
