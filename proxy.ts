import { NextResponse, type NextRequest } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';
import { requestContext } from '@/lib/logging/request-context';
import { REQUEST_ID_HEADER, REQUEST_ID_STAMP, chooseRequestId } from '@/lib/logging/request-id';
import { sessionCookie, sessionCookieName } from '@/lib/auth/session-cookies';
import { refreshedSessionToken } from '@/lib/auth/session-refresh';
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
 * nonce that Next stamps on its scripts (lib/security-headers.ts), and the
 * request id in `X-Request-Id`; the same id reaches page, action and query
 * code as the `x-request-id` request header (lib/logging/request-id.ts).
 */
const publicPortalPages = /^\/p\/[^/]+\/(sign-in|activate|forgot-password|sign-in-link|reset-password|confirm-email|logo)(\/|$)/;
const publicAdminPages = /^\/admin\/(sign-in|activate|forgot-password|sign-in-link|reset-password|confirm-email)(\/|$)/;

/** The largest server action body (next.config.ts `serverActions.bodySizeLimit`, 12 MB: a 10 MB photo and its fields). */
export const MAX_ACTION_BODY_BYTES = 12 * 1024 * 1024;

/**
 * A server action whose declared body is above the limit is answered 413 with
 * a message here, before Next reads it (Next itself answers such a body with
 * a 500 and an error page).
 */
function tooLargeAction(request: NextRequest): Response | null {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const length = Number(request.headers.get('content-length') ?? '0');
  if (!(length > MAX_ACTION_BODY_BYTES)) return null;
  return new Response('This request is larger than any form here accepts (12 MB). Nothing was changed.', {
    status: 413,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * A server action posted from another site's page (its Origin names neither
 * the Host nor the forwarded host, the two Next's own check accepts) is
 * answered 403 with a message here; Next would refuse it with a 500.
 */
function foreignOriginAction(request: NextRequest): Response | null {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const origin = request.headers.get('origin');
  if (!origin) return null;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  const accepted = [request.headers.get('host'), request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()];
  if (originHost && accepted.includes(originHost)) return null;
  return new Response('This form was sent from another site, so it was refused. Nothing was changed.', {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The id the server hook gave this request (lib/lifecycle/http-requests.ts),
 * or, where no hook ran, one chosen by the same rule.
 */
export function requestIdOf(request: NextRequest, trustedProxyHops: number = env().TRUSTED_PROXY_HOPS): string {
  return request.headers.get(REQUEST_ID_STAMP) ?? chooseRequestId(request.headers.get(REQUEST_ID_HEADER), trustedProxyHops);
}

export async function proxy(request: NextRequest) {
  const requestId = requestIdOf(request);
  const response = await answer(request, requestId);
  try {
    response.headers.set('X-Request-Id', requestId);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect): the same answer, with the id.
    const copy = new Response(response.body, response);
    copy.headers.set('X-Request-Id', requestId);
    return copy;
  }
}

async function answer(request: NextRequest, requestId: string): Promise<Response> {
  const refused = tooLargeAction(request) ?? foreignOriginAction(request);
  if (refused) return refused;
  const { search } = request.nextUrl;
  const routed = await routeByHost(request);
  if (routed instanceof Response) return routed;
  const { pathname, rewrite } = routed;
  const context = requestContext();
  if (context && rewrite) context.route = pathname;

  const security = pageSecurity(pathname);
  const headers = security.stamp(new Headers(request.headers));
  headers.set('x-tp-path', pathname + search);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.delete(REQUEST_ID_STAMP);

  if (pathname.startsWith('/admin') && !publicAdminPages.test(pathname) && !request.cookies.has(sessionCookieName('staff'))) {
    const url = new URL('/admin/sign-in', request.url);
    url.searchParams.set('next', pathname + search);
    return security.apply(NextResponse.redirect(url));
  }
  const portal = /^\/p\/([^/]+)/.exec(pathname);
  if (portal && !publicPortalPages.test(pathname) && !request.cookies.has(sessionCookieName('customer'))) {
    const url = new URL(`/p/${portal[1]}/sign-in`, request.url);
    url.searchParams.set('next', pathname + search);
    return security.apply(NextResponse.redirect(url));
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
  return security.apply(response);
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
  // Everything but Next's static files: a custom domain must also refuse /api paths.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
