import { NextResponse, type NextRequest } from 'next/server';
import {
  appHosts,
  createDomainResolver,
  internalDomainLookup,
  keepsPath,
  normalizeHost,
  portalPathFor,
} from '@/lib/portal/custom-domains';
import { pageSecurity } from '@/lib/security-headers';

/**
 * Optimistic redirects only: a visitor without a session cookie goes to the
 * area's sign-in page. Real checks happen in the data layer (requireStaff,
 * requireCustomer). Also passes the requested path on, so sign-in can return there.
 *
 * On a seller's custom domain, `/x` is served as `/p/{slug}/x` (a rewrite: the
 * address bar keeps the seller's domain). Domains are resolved through the
 * app's internal route with a short in-memory cache, never a query per request.
 *
 * Every response it returns carries the security headers, with a fresh CSP
 * nonce that Next stamps on its scripts (lib/security-headers.ts).
 */
const STAFF_COOKIE = 'tp-staff-session';
const CUSTOMER_COOKIE = 'tp-customer-session';
const publicPortalPages = /^\/p\/[^/]+\/(sign-in|activate|forgot-password|sign-in-link|reset-password|logo)(\/|$)/;
const publicAdminPages = /^\/admin\/(sign-in|activate|forgot-password|sign-in-link|reset-password)(\/|$)/;

let ownHosts: Set<string> | undefined; // read on first request, once the server knows its own origin
const resolveDomain = createDomainResolver({ lookup: internalDomainLookup() });

export async function proxy(request: NextRequest) {
  const { search } = request.nextUrl;
  let { pathname } = request.nextUrl;
  let rewrite = false;
  const host = normalizeHost(request.headers.get('host'));
  ownHosts ??= appHosts();
  if (host && !ownHosts.has(host) && !keepsPath(pathname)) {
    const slug = await resolveDomain(host);
    if (slug) {
      pathname = portalPathFor(slug, pathname);
      rewrite = true;
    }
  }

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
  // Every page, for custom domains; APIs and Next's files are never rewritten.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
