import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDomainOwnership, dnsTxtLookup, verificationRecord } from '@/lib/portal/domain-verification';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';

/** Ownership checks against a real DNS server on loopback, through node:dns. */
describe('custom domain ownership by DNS TXT record', () => {
  let dns: TestDnsServer;
  beforeAll(async () => {
    dns = await startDnsServer();
  });
  afterAll(() => dns.close());

  const token = '0123456789abcdef0123456789abcdef';
  const check = (domain: string, timeoutMs = 2_000) =>
    checkDomainOwnership({ domain, token, lookup: dnsTxtLookup({ servers: [dns.server], timeoutMs }) });

  it('names the record to create', () => {
    expect(verificationRecord({ domain: 'portal.acme.com', token })).toEqual({
      type: 'TXT',
      name: '_tradepost-verify.portal.acme.com',
      value: `tradepost-verify=${token}`,
    });
  });

  it('verifies only once the TXT record holds the token', async () => {
    const missing = await check('portal.acme.com');
    expect(missing).toMatchObject({ verified: false, reason: 'missing' });
    if (!missing.verified) expect(missing.message).toMatch(/^No TXT record found at _tradepost-verify\.portal\.acme\.com yet/);
    expect(dns.questions).toContain('_tradepost-verify.portal.acme.com');

    dns.records.set('_tradepost-verify.portal.acme.com', ['v=spf1 -all', `tradepost-verify=${token}`]);
    expect(await check('portal.acme.com')).toEqual({ verified: true });
  });

  it('refuses a record with another token', async () => {
    dns.records.set('_tradepost-verify.shop.bolt.com', ['tradepost-verify=someone-elses-token']);
    const wrong = await check('shop.bolt.com');
    expect(wrong).toMatchObject({ verified: false, reason: 'mismatch' });
    if (!wrong.verified) expect(wrong.message).toMatch(/has a TXT record, but not the value tradepost-verify=0123/);
  });

  it('gives up with a clear message when the resolver does not answer', async () => {
    dns.silent = true;
    try {
      const started = Date.now();
      const result = await check('portal.acme.com', 400);
      expect(result).toMatchObject({ verified: false, reason: 'timeout' });
      if (!result.verified) expect(result.message).toBe('The DNS lookup of _tradepost-verify.portal.acme.com timed out. Nothing was changed; try again in a few minutes.');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      dns.silent = false;
    }
  });
});
