import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';

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
    const signedIn = 'tp-customer-session=x';
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
    const app = await proxy(request('http://localhost:3000/', 'tp-customer-session=x'));
    expect(app.headers.get('x-middleware-rewrite')).toBeNull();
    expect(asked.length).toBe(before);
    const direct = await proxy(request('http://portal.acme.test/p/acme/cart', 'tp-customer-session=x'));
    expect(direct.headers.get('x-middleware-rewrite')).toBeNull();
    const unknown = await proxy(request('http://elsewhere.test/cart', 'tp-customer-session=x'));
    expect(unknown.headers.get('x-middleware-rewrite')).toBeNull();
    expect(asked).toContain('elsewhere.test');
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

