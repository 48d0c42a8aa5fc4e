import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/session-cookies';

/**
 * The proxy as Next runs it, with the database's list of verified domains
 * stood in for by a stub counting its loads. APP_URL is https://tradepost.test
 * (vitest.config.mts); a seller row claims that very host, as a pre-fix
 * database or a hand edit could hold.
 */
const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/db', () => ({ getDb: async () => ({}) }));
vi.mock('@/db/queries/sellers', () => ({
  listVerifiedDomains: async () => {
    loads.count++;
    return [
      { domain: 'tradepost.test', slug: 'bolt' },
      { domain: 'portal.acme.test', slug: 'acme' },
    ];
  },
}));

describe('proxy', () => {
  let proxy: (request: NextRequest) => Promise<Response>;
  beforeAll(async () => {
    ({ proxy } = await import('@/proxy'));
  });

  const request = (url: string, init: { method?: string; cookie?: string; host?: string } = {}) =>
    new NextRequest(url, {
      method: init.method ?? 'GET',
      headers: { host: init.host ?? new URL(url).host, ...(init.cookie ? { cookie: init.cookie } : {}) },
    });
  const signedIn = `${sessionCookieName('customer')}=x`;

  it("never rewrites the app's own host, whatever a seller has stored", async () => {
    const response = await proxy(request('https://tradepost.test/admin/sign-in'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-rewrite')).toBeNull();
    expect(response.headers.get('x-middleware-next')).toBe('1');
    const home = await proxy(request('https://tradepost.test/', { cookie: signedIn }));
    expect(home.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it("serves the seller's portal at the root of its verified domain", async () => {
    const signIn = await proxy(request('https://portal.acme.test/sign-in'));
    expect(signIn.headers.get('x-middleware-rewrite')).toBe('https://portal.acme.test/p/acme/sign-in');
    const cart = await proxy(request('https://portal.acme.test/cart?x=1', { cookie: signedIn }));
    expect(cart.headers.get('x-middleware-rewrite')).toBe('https://portal.acme.test/p/acme/cart?x=1');
    const direct = await proxy(request('https://portal.acme.test/p/acme/cart', { cookie: signedIn }));
    expect(direct.headers.get('x-middleware-rewrite')).toBeNull();
    expect(direct.status).toBe(200);
    const badge = await proxy(request('https://portal.acme.test/api/portal/acme/cart', { cookie: signedIn }));
    expect(badge.status).toBe(200);
  });

  it('answers 404 on that domain for other portals, the back office and the APIs', async () => {
    for (const [method, path] of [
      ['GET', '/p/bolt/sign-in'],
      ['POST', '/api/auth/staff/callback/password'],
      ['GET', '/api/auth/staff/csrf'],
      ['POST', '/api/auth/customer/callback/password'],
      ['GET', '/api/internal/domain?host=portal.acme.test'],
      ['GET', '/api/portal/bolt/cart'],
      ['GET', '/admin'],
      ['GET', '/admin/sign-in'],
      ['GET', '/dev/mail'],
    ] as const) {
      const response = await proxy(request(`https://portal.acme.test${path}`, { method, cookie: `${sessionCookieName('staff')}=x; ${sessionCookieName('customer')}=x` }));
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.headers.get('x-middleware-rewrite'), path).toBeNull();
    }
  });

  it('sends a signed-out visitor to the sign-in page of that portal, on the same domain', async () => {
    const response = await proxy(request('https://portal.acme.test/checkout'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.host).toBe('portal.acme.test');
    expect(location.pathname + location.search).toBe('/p/acme/sign-in?next=%2Fp%2Facme%2Fcheckout');
  });

  it('leaves unknown hosts alone and loads the domains once, however many random hosts arrive', async () => {
    const before = loads.count;
    for (let i = 0; i < 200; i++) {
      const response = await proxy(request(`https://r${i}-${Math.random().toString(36).slice(2)}.example.com/cart`, { cookie: signedIn }));
      expect(response.headers.get('x-middleware-rewrite')).toBeNull();
    }
    expect(loads.count - before).toBeLessThanOrEqual(1);
    expect(loads.count).toBe(1);
  });

  it("lets a signed-out visitor fetch a seller's logo (the sign-in page shows it), on the app host and on the seller's domain", async () => {
    const file = `${'a'.repeat(64)}.png`;
    const direct = await proxy(request(`http://localhost:3000/p/acme/logo/${file}`));
    expect(direct.status).toBe(200);
    expect(direct.headers.get('location')).toBeNull();
    const onDomain = await proxy(request(`http://portal.acme.test/logo/${file}`));
    expect(onDomain.headers.get('x-middleware-rewrite')).toBe(`http://portal.acme.test/p/acme/logo/${file}`);
    // Everything else in the portal still needs a session.
    expect((await proxy(request('http://localhost:3000/p/acme/logos'))).status).toBe(307);
  });
});


describe('proxy and the session cookie names', () => {
  afterAll(() => vi.unstubAllEnvs());
  const portalPage = (cookie: string) =>
    new NextRequest('http://localhost:3000/p/acme/cart', { headers: { host: 'localhost:3000', cookie } });

  it('over https (APP_URL https://…) only the __Host- cookie counts as signed in, the name Auth.js sets', async () => {
    const { proxy } = await import('@/proxy');
    expect(sessionCookieName('customer')).toBe('__Host-tp-customer-session');
    expect((await proxy(portalPage('__Host-tp-customer-session=x'))).status).toBe(200);
    const plain = await proxy(portalPage('tp-customer-session=x'));
    expect(plain.status).toBe(307);
    expect(plain.headers.get('location')).toMatch(/\/p\/acme\/sign-in\?next=/);
  });

  it('on plain http (local development) the cookie has no prefix', async () => {
    vi.stubEnv('APP_URL', 'http://127.0.0.1:3000');
    const { proxy } = await import('@/proxy');
    expect(sessionCookieName('staff')).toBe('tp-staff-session');
    expect((await proxy(portalPage('tp-customer-session=x'))).status).toBe(200);
  });
});

describe('proxy and the request id', () => {
  afterAll(() => vi.unstubAllEnvs());
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const page = (headers: Record<string, string> = {}, path = '/admin/sign-in') =>
    new NextRequest(`https://tradepost.test${path}`, { headers: { host: 'tradepost.test', ...headers } });

  it('gives every response a fresh id, and passes the same id to the page as x-request-id', async () => {
    const { proxy } = await import('@/proxy');
    const first = await proxy(page());
    const second = await proxy(page());
    const id = first.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(second.headers.get('x-request-id')).not.toBe(id);
    expect(first.headers.get('x-middleware-request-x-request-id')).toBe(id);
    // Redirects and refusals carry it too.
    const redirect = await proxy(page({}, '/admin/orders'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('x-request-id')).toMatch(UUID);
  });

  it("uses the id the server hook stamped, never a client's stamp passed on to the page", async () => {
    const { proxy } = await import('@/proxy');
    const response = await proxy(page({ 'x-tp-request-id': 'hook-chosen-id', 'x-request-id': 'client-id' }));
    expect(response.headers.get('x-request-id')).toBe('hook-chosen-id');
    expect(response.headers.get('x-middleware-request-x-request-id')).toBe('hook-chosen-id');
    expect(response.headers.get('x-middleware-request-x-tp-request-id')).toBeNull();
  });

  it("notes the app path of a custom domain's request in its log context, so its line names the seller", async () => {
    const { proxy } = await import('@/proxy');
    const { runWithRequestContext } = await import('@/lib/logging/request-context');
    const { requestLine } = await import('@/lib/lifecycle/http-requests');
    const context = { requestId: 'r-1', method: 'GET', path: '/cart', started: process.hrtime.bigint() };
    const onDomain = new NextRequest('https://portal.acme.test/cart', {
      headers: { host: 'portal.acme.test', cookie: `${sessionCookieName('customer')}=x` },
    });
    await runWithRequestContext(context, () => proxy(onDomain));
    expect(requestLine(context, 200, true)).toMatchObject({ path: '/cart', route: '/p/acme/cart', seller: 'acme', status: 200 });
    expect(requestLine({ ...context, route: undefined }, 200, true)).not.toHaveProperty('seller');
  });

  it('replaces an incoming X-Request-Id without trusted proxies, keeps a sane one behind them', async () => {
    const { proxy } = await import('@/proxy');
    vi.stubEnv('TRUSTED_PROXY_HOPS', '0');
    expect((await proxy(page({ 'x-request-id': 'lb-1234' }))).headers.get('x-request-id')).toMatch(UUID);
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    expect((await proxy(page({ 'x-request-id': 'lb-1234' }))).headers.get('x-request-id')).toBe('lb-1234');
    for (const bad of ['a'.repeat(65), 'has space', 'semi;colon', 'line\\nbreak', '<script>']) {
      expect((await proxy(page({ 'x-request-id': bad }))).headers.get('x-request-id'), bad).toMatch(UUID);
    }
    expect((await proxy(page({ 'x-request-id': 'a'.repeat(64) }))).headers.get('x-request-id')).toBe('a'.repeat(64));
  });
});
