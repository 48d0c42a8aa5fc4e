import { describe, expect, it } from 'vitest';
import { appOrigin, productionProblems, readEnv, servedOverHttps, weakSecretReason } from '@/lib/env';
import { portalUrl, publicUrl } from '@/lib/public-url';
import { configurationProblems } from '@/lib/startup';

const strong = 'kq3v9Zr1xT0bN7mW4cLp8sYd2hGf6jEa';

describe('configuration (lib/env.ts)', () => {
  it('development needs no variables at all', () => {
    const reading = readEnv({});
    expect(reading.problems).toEqual([]);
    expect(configurationProblems(reading)).toEqual([]);
    expect(appOrigin(reading.env)).toBe('http://localhost:3000');
    expect(reading.env.DATABASE_POOL_SIZE).toBe(10);
    expect(reading.env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it('a production start without APP_URL and AUTH_SECRET names both problems', () => {
    const problems = configurationProblems(readEnv({ NODE_ENV: 'production' }));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^AUTH_SECRET is not set/);
    expect(problems[1]).toMatch(/^APP_URL is not set/);
  });

  it('a weak AUTH_SECRET is refused in production, naming why', () => {
    for (const [secret, why] of [
      ['changeme', /placeholder/],
      ['short-secret', /12 characters long; use at least 32/],
      ['a'.repeat(40), /too few different characters/],
      ['tradepost-development-secret-do-not-use-in-production', /placeholder/],
    ] as const) {
      const problems = productionProblems(readEnv({ NODE_ENV: 'production', APP_URL: 'https://app.example', AUTH_SECRET: secret }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^AUTH_SECRET /);
      expect(problems[0]).toMatch(why);
    }
    expect(weakSecretReason(strong)).toBeNull();
  });

  it('APP_URL must be an https origin in production (http only on loopback)', () => {
    const check = (APP_URL: string) => productionProblems(readEnv({ NODE_ENV: 'production', AUTH_SECRET: strong, APP_URL }));
    expect(check('https://portal.example.com')).toEqual([]);
    expect(check('http://127.0.0.1:3210')).toEqual([]);
    expect(check('http://portal.example.com')[0]).toMatch(/must use https/);
    expect(check('https://portal.example.com/app')[0]).toMatch(/origin only/);
    expect(check('portal.example.com')[0]).toMatch(/^APP_URL /);
  });

  it('invalid values are named and read as unset, each on its own', () => {
    const reading = readEnv({ DATABASE_POOL_SIZE: 'lots', TRUSTED_PROXY_HOPS: '-1', DATABASE_URL: 'mysql://x', PORT: '8080' });
    expect(reading.problems.map((p) => p.split(' ')[0]).sort()).toEqual(['DATABASE_POOL_SIZE', 'DATABASE_URL', 'TRUSTED_PROXY_HOPS']);
    expect(reading.env.DATABASE_POOL_SIZE).toBe(10);
    expect(reading.env.DATABASE_URL).toBeUndefined();
    expect(reading.env.PORT).toBe(8080);
    // Invalid values stop a development start too.
    expect(configurationProblems(reading)).toHaveLength(3);
  });

  it('empty variables count as unset, and lists are split on commas', () => {
    const reading = readEnv({ DATABASE_URL: '', APP_HOSTS: ' a.example, ,b.example ' });
    expect(reading.problems).toEqual([]);
    expect(reading.env.DATABASE_URL).toBeUndefined();
    expect(reading.env.APP_HOSTS).toEqual(['a.example', 'b.example']);
  });

  it('APP_HOSTS lists host names and DNS_SERVERS lists addresses with optional ports', () => {
    const good = readEnv({ APP_HOSTS: 'www.tradepost.example,Admin.Tradepost.example.', DNS_SERVERS: '1.1.1.1, 127.0.0.1:5353, ::1, [::1]:5353' });
    expect(good.problems).toEqual([]);
    expect(good.env.DNS_SERVERS).toEqual(['1.1.1.1', '127.0.0.1:5353', '::1', '[::1]:5353']);
    const bad = readEnv({ APP_HOSTS: 'https://www.tradepost.example', DNS_SERVERS: 'dns.google, 127.0.0.1:99999' });
    expect(bad.problems.map((p) => p.split(' ')[0]).sort()).toEqual(['APP_HOSTS', 'DNS_SERVERS']);
    expect(bad.problems.join('\n')).toMatch(/DNS_SERVERS must list IP addresses/);
    expect(bad.env.APP_HOSTS).toEqual([]);
    expect(bad.env.DNS_SERVERS).toEqual([]);
  });

  it('DATABASE_REPLICA_URLS lists PostgreSQL URLs and needs DATABASE_URL in production', () => {
    const replicas = 'postgres://r1.internal/tradepost, postgresql://r2.internal/tradepost';
    expect(readEnv({ DATABASE_REPLICA_URLS: replicas }).env.DATABASE_REPLICA_URLS).toEqual([
      'postgres://r1.internal/tradepost',
      'postgresql://r2.internal/tradepost',
    ]);
    expect(readEnv({}).env.DATABASE_REPLICA_URLS).toEqual([]);
    expect(readEnv({ DATABASE_REPLICA_URLS: 'mysql://r1' }).problems[0]).toMatch(/^DATABASE_REPLICA_URLS /);
    const base = { NODE_ENV: 'production', AUTH_SECRET: strong, APP_URL: 'https://app.example', DATABASE_REPLICA_URLS: replicas };
    expect(productionProblems(readEnv(base)).join('\n')).toMatch(/DATABASE_REPLICA_URLS is set without DATABASE_URL/);
    expect(productionProblems(readEnv({ ...base, DATABASE_URL: 'postgres://primary.internal/tradepost' }))).toEqual([]);
  });

  it('PASSWORD_HASH_CONCURRENCY caps hashes per process: 2 unless set, at least 1', () => {
    expect(readEnv({}).env.PASSWORD_HASH_CONCURRENCY).toBe(2);
    expect(readEnv({ PASSWORD_HASH_CONCURRENCY: '6' }).env.PASSWORD_HASH_CONCURRENCY).toBe(6);
    const zero = readEnv({ PASSWORD_HASH_CONCURRENCY: '0' });
    expect(zero.problems[0]).toMatch(/^PASSWORD_HASH_CONCURRENCY /);
    expect(zero.env.PASSWORD_HASH_CONCURRENCY).toBe(2);
  });

  it('TRUSTED_PROXY_HOPS counts the proxies whose X-Forwarded-For is believed', () => {
    expect(readEnv({ TRUSTED_PROXY_HOPS: '1' }).env.TRUSTED_PROXY_HOPS).toBe(1);
    expect(readEnv({ TRUSTED_PROXY_HOPS: '11' }).problems[0]).toMatch(/^TRUSTED_PROXY_HOPS /);
  });

  it('the build phase is not a production start', () => {
    expect(configurationProblems(readEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }))).toEqual([]);
  });

  it('cookies are Secure only when the public address is https', () => {
    expect(servedOverHttps(readEnv({ APP_URL: 'https://portal.example.com' }).env)).toBe(true);
    expect(servedOverHttps(readEnv({ APP_URL: 'http://127.0.0.1:3210' }).env)).toBe(false);
    expect(servedOverHttps(readEnv({}).env)).toBe(false);
  });
});

describe('public URLs (lib/public-url.ts)', () => {
  // vitest.config.mts sets APP_URL=https://tradepost.test for every test.
  it('come from APP_URL, never from a request', () => {
    expect(publicUrl('/admin/reset-password?token=abc')).toBe('https://tradepost.test/admin/reset-password?token=abc');
    expect(portalUrl({ slug: 'acme' }, '/orders')).toBe('https://tradepost.test/p/acme/orders');
    expect(portalUrl({ slug: 'acme' })).toBe('https://tradepost.test/p/acme');
  });

  it('use a seller’s verified custom domain at its root', () => {
    expect(portalUrl({ slug: 'acme', verifiedDomain: 'portal.acme.example' }, '/activate?token=x')).toBe(
      'https://portal.acme.example/activate?token=x',
    );
    expect(portalUrl({ slug: 'acme', verifiedDomain: 'portal.acme.example' })).toBe('https://portal.acme.example/');
  });

  it('refuse anything but a path, so no caller can smuggle in a host', () => {
    expect(() => publicUrl('//evil.test/x')).toThrow();
    expect(() => publicUrl('https://evil.test/x')).toThrow();
    expect(() => portalUrl({ slug: 'acme' }, 'evil.test')).toThrow();
  });
});
