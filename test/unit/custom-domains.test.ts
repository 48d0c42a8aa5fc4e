import { describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { appHosts, isAppHost, isIpAddress, normalizeHost } from '@/lib/app-hosts';
import { readEnv } from '@/lib/env';
import { createDomainTable, customDomainPath, portalPathFor, routeByHost, type VerifiedDomainRow } from '@/lib/portal/custom-domains';

describe('host names', () => {
  it('normalizes a Host header and refuses what is not a host name', () => {
    expect(normalizeHost('Portal.Acme.COM:443')).toBe('portal.acme.com');
    expect(normalizeHost('portal.acme.com.')).toBe('portal.acme.com');
    expect(normalizeHost('')).toBeNull();
    expect(normalizeHost('evil.com/path')).toBeNull();
    expect(normalizeHost('a b.com')).toBeNull();
    expect(normalizeHost('[::1]:3000')).toBeNull();
    expect(normalizeHost(null)).toBeNull();
  });

  it("knows the app's own hosts, and the names under them", () => {
    const hosts = appHosts(readEnv({ APP_URL: 'https://app.tradepost.example', APP_HOSTS: 'www.tradepost.example, Admin.Tradepost.example' }).env);
    expect([...hosts].sort()).toEqual(['127.0.0.1', 'admin.tradepost.example', 'app.tradepost.example', 'localhost', 'www.tradepost.example']);
    expect(isAppHost('app.tradepost.example', hosts)).toBe(true);
    expect(isAppHost('shop.app.tradepost.example', hosts)).toBe(true);
    expect(isAppHost('x.localhost', hosts)).toBe(true);
    expect(isAppHost('tradepost.example', hosts)).toBe(false);
    expect(isAppHost('evilapp.tradepost.example', hosts)).toBe(false);
  });

  it.each(['127.0.0.1', '10.0.0.1', '2130706433', '127.1', '0x7f.0.0.1', '0177.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1', '1.2.3.4.'])(
    'reads %s as an IP address',
    (name) => {
      expect(isIpAddress(name)).toBe(true);
    },
  );

  it.each(['portal.acme.com', '1password.com', '123.example', 'xn--bcher-kva.example'])('reads %s as a name', (name) => {
    expect(isIpAddress(name)).toBe(false);
  });
});

describe('what a custom domain serves', () => {
  it.each([
    ['/', { pathname: '/p/acme', rewrite: true }],
    ['/sign-in', { pathname: '/p/acme/sign-in', rewrite: true }],
    ['/orders/12', { pathname: '/p/acme/orders/12', rewrite: true }],
    ['/pricing', { pathname: '/p/acme/pricing', rewrite: true }],
    ['/administrator', { pathname: '/p/acme/administrator', rewrite: true }],
    ['/p/acme', { pathname: '/p/acme', rewrite: false }],
    ['/p/acme/cart', { pathname: '/p/acme/cart', rewrite: false }],
    ['/api/portal/acme/cart', { pathname: '/api/portal/acme/cart', rewrite: false }],
    ['/_next/static/chunks/x.js', { pathname: '/_next/static/chunks/x.js', rewrite: false }],
    ['/favicon.ico', { pathname: '/favicon.ico', rewrite: false }],
  ])('%s → %o', (path, route) => {
    expect(customDomainPath('acme', path)).toEqual(route);
  });

  it.each([
    '/p/bolt/sign-in',
    '/p/acme-x/sign-in',
    '/p',
    '/p/',
    '/admin',
    '/admin/sign-in',
    '/api/auth/staff/callback/password',
    '/api/auth/customer/session',
    '/api/internal/domain',
    '/api/health',
    '/api/portal/bolt/cart',
    '/dev/mail',
  ])('%s → 404', (path) => {
    expect(customDomainPath('acme', path)).toBe('not-found');
  });

  it('rewrites the root to the portal home', () => {
    expect(portalPathFor('acme', '/')).toBe('/p/acme');
    expect(portalPathFor('acme', '/cart')).toBe('/p/acme/cart');
  });
});

describe('the table of verified domains', () => {
  function setup(rows: VerifiedDomainRow[] | (() => Promise<VerifiedDomainRow[]>)) {
    let clock = 1_000_000;
    const load = vi.fn(typeof rows === 'function' ? rows : async () => rows);
    const table = createDomainTable({ load, ttlMs: 5_000, maxStaleMs: 30_000, retryMs: 1_000, now: () => clock });
    return { table, load, advance: (ms: number) => (clock += ms) };
  }

  it('loads every domain in one query per TTL, however many hosts are asked for', async () => {
    const { table, load, advance } = setup([{ domain: 'portal.acme.test', slug: 'acme' }]);
    expect(await table.slugFor('portal.acme.test')).toBe('acme');
    for (let i = 0; i < 500; i++) expect(await table.slugFor(`random-${i}.example.com`)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
    advance(5_001);
    expect(await table.slugFor('nobody.example.com')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load between concurrent requests', async () => {
    const { table, load } = setup([{ domain: 'portal.acme.test', slug: 'acme' }]);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => table.slugFor(i % 2 ? 'portal.acme.test' : `x${i}.test`)));
    expect(answers.filter(Boolean)).toHaveLength(25);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the last table for a while when a reload fails, then refuses to guess', async () => {
    let fail = false;
    const { table, load, advance } = setup(async () => {
      if (fail) throw new Error('database down');
      return [{ domain: 'portal.acme.test', slug: 'acme' }];
    });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await table.slugFor('portal.acme.test')).toBe('acme');
      fail = true;
      advance(6_000);
      expect(await table.slugFor('portal.acme.test')).toBe('acme'); // stale but recent
      expect(await table.slugFor('portal.acme.test')).toBe('acme');
      expect(load).toHaveBeenCalledTimes(2); // the retry waits retryMs
      advance(25_000);
      await expect(table.slugFor('portal.acme.test')).rejects.toThrow(/could not be loaded/);
      expect(load).toHaveBeenCalledTimes(3);
      fail = false;
      advance(1_000);
      expect(await table.slugFor('portal.acme.test')).toBe('acme');
    } finally {
      quiet.mockRestore();
    }
  });
});

describe('routing by Host', () => {
  const ownHosts = appHosts(readEnv({ APP_URL: 'https://tradepost.test', APP_HOSTS: 'www.tradepost.test' }).env);
  const table = { slugFor: vi.fn(async (host: string) => ({ 'portal.acme.test': 'acme', 'tradepost.test': 'bolt' })[host] ?? null) };
  const route = (url: string, host = new URL(url).host) =>
    routeByHost(new NextRequest(url, { headers: { host } }), { table, ownHosts });

  it("never looks up the app's own hosts, IP addresses or names under the app", async () => {
    table.slugFor.mockClear();
    for (const url of ['https://tradepost.test/admin/sign-in', 'https://www.tradepost.test/', 'https://x.tradepost.test/', 'http://10.0.0.7:3000/api/health', 'http://localhost:3000/']) {
      expect(await route(url)).toEqual({ pathname: new URL(url).pathname, rewrite: false });
    }
    expect(table.slugFor).not.toHaveBeenCalled();
  });

  it('serves only its portal on a custom domain', async () => {
    expect(await route('https://portal.acme.test/sign-in')).toEqual({ pathname: '/p/acme/sign-in', rewrite: true });
    const refused = await route('https://portal.acme.test/p/bolt/sign-in');
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(404);
  });

  it('answers 503, not the whole app, while the domains cannot be loaded', async () => {
    const down = createDomainTable({ load: async () => Promise.reject(new Error('down')), maxStaleMs: 0 });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await routeByHost(new NextRequest('https://portal.acme.test/admin', { headers: { host: 'portal.acme.test' } }), { table: down, ownHosts });
      expect((response as Response).status).toBe(503);
      const app = await routeByHost(new NextRequest('https://tradepost.test/admin', { headers: { host: 'tradepost.test' } }), { table: down, ownHosts });
      expect(app).toEqual({ pathname: '/admin', rewrite: false });
    } finally {
      quiet.mockRestore();
    }
  });
});
