import { NextResponse, type NextRequest } from 'next/server';

/**
 * Optimistic redirects only: a visitor without a session cookie goes to the
 * area's sign-in page. Real checks happen in the data layer (requireStaff,
 * requireCustomer). Also passes the requested path on, so sign-in can return there.
 */
const STAFF_COOKIE = 'tp-staff-session';
const CUSTOMER_COOKIE = 'tp-customer-session';
const publicPortalPages = /^\/p\/[^/]+\/(sign-in|activate|forgot-password|sign-in-link|reset-password)(\/|$)/;
const publicAdminPages = /^\/admin\/(sign-in|activate|forgot-password|sign-in-link|reset-password)(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set('x-tp-path', pathname + search);

  if (pathname.startsWith('/admin') && !publicAdminPages.test(pathname) && !request.cookies.has(STAFF_COOKIE)) {
    const url = new URL('/admin/sign-in', request.url);
    url.searchParams.set('next', pathname + search);
    return NextResponse.redirect(url);
  }
  const portal = /^\/p\/([^/]+)/.exec(pathname);
  if (portal && !publicPortalPages.test(pathname) && !request.cookies.has(CUSTOMER_COOKIE)) {
    const url = new URL(`/p/${portal[1]}/sign-in`, request.url);
    url.searchParams.set('next', pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/admin/:path*', '/p/:path*'],
};
