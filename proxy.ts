import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { sessionCookie, sessionCookieName } from '@/lib/auth/session-cookies';
import { refreshedSessionToken } from '@/lib/auth/session-refresh';
import {
  appHosts,
  createDomainResolver,
  internalDomainLookup,
  keepsPath,
  normalizeHost,
  portalPathFor,
} from '@/lib/portal/custom-domains';

/**
 * Optimistic redirects only: a visitor without a session cookie goes to the
 * area's sign-in page. Real checks happen in the data layer (requireStaff,
 * requireCustomer). Also passes the requested path on, so sign-in can return there.
 *
 * On a seller's custom domain, `/x` is served as `/p/{slug}/x` (a rewrite: the
 * address bar keeps the seller's domain). Domains are resolved through the
 * app's internal route with a short in-memory cache, never a query per request.
 */
const publicPortalPages = /^\/p\/[^/]+\/(sign-in|activate|forgot-password|sign-in-link|reset-password)(\/|$)/;
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

  const headers = new Headers(request.headers);
  headers.set('x-tp-path', pathname + search);

  if (pathname.startsWith('/admin') && !publicAdminPages.test(pathname) && !request.cookies.has(sessionCookieName('staff'))) {
    const url = new URL('/admin/sign-in', request.url);
    url.searchParams.set('next', pathname + search);
    return NextResponse.redirect(url);
  }
  const portal = /^\/p\/([^/]+)/.exec(pathname);
  if (portal && !publicPortalPages.test(pathname) && !request.cookies.has(sessionCookieName('customer'))) {
    const url = new URL(`/p/${portal[1]}/sign-in`, request.url);
    url.searchParams.set('next', pathname + search);
    return NextResponse.redirect(url);
  }
  let response: NextResponse;
  if (rewrite) {
    const url = request.nextUrl.clone();
    url.pathname = pathname;
    response = NextResponse.rewrite(url, { request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }
  if (portal) await renewCustomerSession(request, response);
  return response;
}

/** A customer session is renewed on use, at most once a day (lib/auth/session-refresh.ts). */
async function renewCustomerSession(request: NextRequest, response: NextResponse): Promise<void> {
  const { name, options } = sessionCookie('customer');
  const token = request.cookies.get(name)?.value;
  if (!token) return;
  const renewed = await refreshedSessionToken({ token, secret: authSecret(), salt: name });
  if (renewed) response.cookies.set(name, renewed.token, { ...options, expires: renewed.expires });
}

export const config = {
  // Every page, for custom domains; APIs and Next's files are never rewritten.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
