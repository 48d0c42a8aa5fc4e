import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { sessionCookieName } from '@/lib/auth/session-cookies';

/**
 * The proxy on a custom domain: the internal route that maps domains to
 * sellers is stood in for by a fetch stub counting its calls.
 */
describe('proxy on custom domains', () => {
  const asked: string[] = [];
  let proxy: (request: NextRequest) => Promise<Response>;
  beforeAll(async () => {
    vi.stubEnv('PORT', '3999');
    vi.stubGlobal('fetch', async (url: string) => {
      const host = new URL(url).searchParams.get('host')!;
      asked.push(host);
      expect(url).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/internal\/domain\?host=/);
      return Response.json({ slug: host === 'portal.acme.test' ? 'acme' : null });
    });
    ({ proxy } = await import('@/proxy'));
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  const request = (url: string, cookie?: string) =>
    new NextRequest(url, { headers: { host: new URL(url).host, ...(cookie ? { cookie } : {}) } });

  it("serves the seller's portal at the root of its domain, asking for the domain once", async () => {
    const signedIn = `${sessionCookieName('customer')}=x`;
    const home = await proxy(request('http://portal.acme.test/', signedIn));
    expect(home.headers.get('x-middleware-rewrite')).toBe('http://portal.acme.test/p/acme');
    const cart = await proxy(request('http://portal.acme.test/cart?x=1', signedIn));
    expect(cart.headers.get('x-middleware-rewrite')).toBe('http://portal.acme.test/p/acme/cart?x=1');
    expect(asked.filter((h) => h === 'portal.acme.test')).toHaveLength(1);
  });

  it('sends a signed-out visitor to the sign-in page of that portal, on the same domain', async () => {
    const response = await proxy(request('http://portal.acme.test/checkout'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://portal.acme.test/p/acme/sign-in?next=%2Fp%2Facme%2Fcheckout');
    const signIn = await proxy(request('http://portal.acme.test/sign-in'));
    expect(signIn.headers.get('x-middleware-rewrite')).toBe('http://portal.acme.test/p/acme/sign-in');
  });

  it('leaves the app host, portal paths and unknown hosts alone', async () => {
    const before = asked.length;
    const app = await proxy(request('http://localhost:3000/', `${sessionCookieName('customer')}=x`));
    expect(app.headers.get('x-middleware-rewrite')).toBeNull();
    expect(asked.length).toBe(before);
    const direct = await proxy(request('http://portal.acme.test/p/acme/cart', `${sessionCookieName('customer')}=x`));
    expect(direct.headers.get('x-middleware-rewrite')).toBeNull();
    const unknown = await proxy(request('http://elsewhere.test/cart', `${sessionCookieName('customer')}=x`));
    expect(unknown.headers.get('x-middleware-rewrite')).toBeNull();
    expect(asked).toContain('elsewhere.test');
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
