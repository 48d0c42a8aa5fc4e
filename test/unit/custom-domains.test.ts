import { describe, expect, it, vi } from 'vitest';
import { appHosts, createDomainResolver, keepsPath, normalizeHost, portalPathFor } from '@/lib/portal/custom-domains';

describe('custom domain host names', () => {
  it('normalizes a Host header and refuses what is not a host name', () => {
    expect(normalizeHost('Portal.Acme.COM:443')).toBe('portal.acme.com');
    expect(normalizeHost('portal.acme.com.')).toBe('portal.acme.com');
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost('evil.com/path')).toBeNull();
    expect(normalizeHost('a b.com')).toBeNull();
    expect(normalizeHost(null)).toBeNull();
  });

  it("knows the app's own hosts", () => {
    const hosts = appHosts({ APP_URL: 'https://app.tradepost.example', APP_HOSTS: 'www.tradepost.example, Admin.Tradepost.example' });
    expect([...hosts].sort()).toEqual(['127.0.0.1', 'admin.tradepost.example', 'app.tradepost.example', 'localhost', 'www.tradepost.example']);
  });

  it('rewrites page paths only', () => {
    expect(portalPathFor('acme', '/')).toBe('/p/acme');
    expect(portalPathFor('acme', '/cart')).toBe('/p/acme/cart');
    expect(keepsPath('/p/acme/cart')).toBe(true);
    expect(keepsPath('/api/auth/customer/session')).toBe(true);
    expect(keepsPath('/_next/static/x.js')).toBe(true);
    expect(keepsPath('/pricing')).toBe(false);
    expect(keepsPath('/')).toBe(false);
  });
});

describe('domain resolver cache', () => {
  function setup(answers: Record<string, string | null>) {
    let clock = 0;
    const lookup = vi.fn(async (host: string) => {
      if (!(host in answers)) throw new Error('down');
      return answers[host]!;
    });
    const resolve = createDomainResolver({ lookup, ttlMs: 1000, errorTtlMs: 100, maxEntries: 3, now: () => clock });
    return { resolve, lookup, advance: (ms: number) => (clock += ms) };
  }

  it('asks once per host per TTL, for found and unknown hosts alike', async () => {
    const { resolve, lookup, advance } = setup({ 'portal.acme.com': 'acme', 'nobody.com': null });
    expect(await resolve('portal.acme.com')).toBe('acme');
    expect(await resolve('portal.acme.com')).toBe('acme');
    expect(await resolve('nobody.com')).toBeNull();
    expect(await resolve('nobody.com')).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(2);
    advance(1001);
    expect(await resolve('portal.acme.com')).toBe('acme');
    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('shares one lookup between concurrent requests', async () => {
    const { resolve, lookup } = setup({ 'portal.acme.com': 'acme' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => resolve('portal.acme.com')));
    expect(new Set(answers)).toEqual(new Set(['acme']));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('answers null while the lookup fails and tries again soon after', async () => {
    const { resolve, lookup, advance } = setup({});
    expect(await resolve('portal.acme.com')).toBeNull();
    expect(await resolve('portal.acme.com')).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(1);
    advance(101);
    await resolve('portal.acme.com');
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('keeps a bounded number of hosts, so random Host headers cannot grow memory', async () => {
    const { resolve, lookup } = setup({ 'a.com': null, 'b.com': null, 'c.com': null, 'd.com': null });
    for (const h of ['a.com', 'b.com', 'c.com', 'd.com']) await resolve(h);
    await resolve('d.com');
    await resolve('a.com'); // evicted first, asked again
    expect(lookup).toHaveBeenCalledTimes(5);
  });
});
