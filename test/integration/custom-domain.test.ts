import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { NextRequest } from 'next/server';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { findSellerBrand } from '@/db/queries/seller-brand';
import { findPortalBySlug, listVerifiedDomains } from '@/db/queries/sellers';
import { checkCustomDomain } from '@/db/queries/settings/check-custom-domain';
import { loadPortalSettings, savePortalSettings } from '@/db/queries/settings/portal-settings';
import { createDomainTable } from '@/lib/portal/custom-domains';
import { dnsTxtLookup } from '@/lib/portal/domain-verification';
import { portalUrl } from '@/lib/public-url';
import { asResult } from '../support/as-result';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { buildSeller } from '../support/fixtures';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { addStaffActor, demoPortalInput } from '../support/settings-fixtures';

/**
 * Custom domains from the settings page to the proxy: refused names, pending
 * claims, proof by a TXT record on a real DNS server (loopback), and the
 * proxy's table of verified domains read from this test's database.
 * APP_URL is https://tradepost.test (vitest.config.mts).
 */
const handle = vi.hoisted(() => ({ db: null as Db | null }));
vi.mock('@/db', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db')>()),
  getDb: async () => handle.db!,
}));

describe('custom domains', () => {
  let database: TestDatabase;
  let dns: TestDnsServer;
  let proxy: (request: NextRequest) => Promise<Response>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    handle.db = database.db;
    dns = await startDnsServer();
    vi.stubEnv('DNS_SERVERS', dns.server);
    vi.stubEnv('APP_HOSTS', 'www.tradepost.test');
    vi.useFakeTimers({ toFake: ['Date'] });
    ({ proxy } = await import('@/proxy'));
  });
  afterAll(async () => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    await dns.close();
    await database.close();
  });
  afterEach(() => dns.records.clear());

  /** Past the proxy table's 5 s TTL, as every app instance will be within seconds. */
  const afterTtl = () => vi.setSystemTime(Date.now() + 6_000);

  async function sellerWithAdmin(role: s.StaffRole = 'admin') {
    const seller = await buildSeller(database.db);
    const actor = await addStaffActor(database.db, seller, role);
    const save = (customDomain: string | null) =>
      asResult(savePortalSettings(database.db, { sellerId: seller.sellerId, actor, input: demoPortalInput(seller, { customDomain }) }));
    const check = (timeoutMs = 2_000) =>
      asResult(checkCustomDomain(database.db, { sellerId: seller.sellerId, actor, lookup: dnsTxtLookup({ timeoutMs }) }));
    const row = async () => (await database.db.select().from(s.sellers).where(eq(s.sellers.id, seller.sellerId)))[0]!;
    return { seller, actor, save, check, row };
  }

  const get = (url: string, init: { method?: string; cookie?: string } = {}) =>
    proxy(new NextRequest(url, { method: init.method ?? 'GET', headers: { host: new URL(url).host, ...(init.cookie ? { cookie: init.cookie } : {}) } }));

  describe('saving a domain', () => {
    it.each([
      ['tradepost.test', /tradepost\.test is Tradepost's own address/],
      ['TradePost.test.', /tradepost\.test is Tradepost's own address/],
      ['www.tradepost.test', /www\.tradepost\.test is Tradepost's own address/],
      ['shop.tradepost.test', /shop\.tradepost\.test is under Tradepost's own address/],
      ['localhost.', /localhost is not a public domain/],
      ['portal.localhost', /not a public domain/],
      ['portal.local', /names ending in \.local never resolve/],
      ['127.0.0.1', /not an IP address/],
      ['2130706433', /not an IP address/],
      ['0x7f.0.0.1', /not an IP address/],
      ['[::1]', /not an IP address/],
    ])('refuses %s and keeps the saved domain', async (domain, message) => {
      const { save, row } = await sellerWithAdmin();
      expect((await save('portal.keep.test')).ok).toBe(true);
      const before = await row();
      const result = await save(domain);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toMatch(message);
        expect(result.fieldErrors?.customDomain?.[0]).toMatch(message);
      }
      const after = await row();
      expect(after.customDomain).toBe('portal.keep.test');
      expect(after.customDomainToken).toBe(before.customDomainToken);
    });

    it('stores it pending with a random token; a change starts over; clearing drops the token', async () => {
      const { seller, save, row } = await sellerWithAdmin();
      expect((await save('Portal.First.test')).ok).toBe(true);
      const first = await row();
      expect(first).toMatchObject({ customDomain: 'portal.first.test', customDomainVerifiedAt: null });
      expect(first.customDomainToken).toMatch(/^[0-9a-f]{32}$/);

      const page = await loadPortalSettings(database.db, { sellerId: seller.sellerId });
      expect(page.customDomain).toEqual({
        name: 'portal.first.test',
        verifiedAt: null,
        record: { type: 'TXT', name: '_tradepost-verify.portal.first.test', value: `tradepost-verify=${first.customDomainToken}` },
      });

      await database.db.update(s.sellers).set({ customDomainVerifiedAt: new Date() }).where(eq(s.sellers.id, seller.sellerId));
      expect((await save('portal.first.test')).ok).toBe(true); // unchanged: stays verified
      expect((await row()).customDomainVerifiedAt).not.toBeNull();

      expect((await save('portal.second.test')).ok).toBe(true);
      const second = await row();
      expect(second.customDomainVerifiedAt).toBeNull();
      expect(second.customDomainToken).toMatch(/^[0-9a-f]{32}$/);
      expect(second.customDomainToken).not.toBe(first.customDomainToken);

      expect((await save(null)).ok).toBe(true);
      expect(await row()).toMatchObject({ customDomain: null, customDomainToken: null, customDomainVerifiedAt: null });
    });
  });

  describe('proving ownership', () => {
    it('serves the domain only after its TXT record resolves, and links use it from then on', async () => {
      const { seller, save, check, row } = await sellerWithAdmin();
      const domain = `portal.${seller.seller.slug}.test`;
      expect((await save(domain)).ok).toBe(true);
      const { customDomainToken: token } = await row();
      const record = `_tradepost-verify.${domain}`;

      afterTtl();
      const pending = await get(`https://${domain}/sign-in`);
      expect(pending.headers.get('x-middleware-rewrite')).toBeNull();
      expect((await findSellerBrand(database.db, seller.sellerId)).portal.verifiedDomain).toBeNull();

      const missing = await check();
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.error).toMatch(new RegExp(`^No TXT record found at ${record.replace(/\./g, '\\.')} yet`));

      dns.records.set(record, ['tradepost-verify=not-the-token']);
      const wrong = await check();
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) expect(wrong.error).toMatch(/has a TXT record, but not the value/);
      expect((await row()).customDomainVerifiedAt).toBeNull();
      expect(await listVerifiedDomains(database.db)).not.toContainEqual({ domain, slug: seller.seller.slug });

      dns.records.set(record, ['tradepost-verify=not-the-token', `tradepost-verify=${token}`]);
      const found = await check();
      expect(found).toMatchObject({ ok: true, data: { verified: true } });
      expect((await row()).customDomainVerifiedAt).not.toBeNull();
      expect(dns.questions).toContain(record);

      afterTtl();
      const served = await get(`https://${domain}/sign-in`);
      expect(served.headers.get('x-middleware-rewrite')).toBe(`https://${domain}/p/${seller.seller.slug}/sign-in`);
      const brand = await findSellerBrand(database.db, seller.sellerId);
      expect(portalUrl(brand.portal, '/orders')).toBe(`https://${domain}/orders`);
      expect((await findPortalBySlug(database.db, seller.seller.slug))?.verifiedDomain).toBe(domain);

      // Every check is in the audit log, found or not.
      const checks = await database.db
        .select({ details: s.auditEntries.details })
        .from(s.auditEntries)
        .where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.action, 'portal_settings.check_domain')));
      expect(checks.map((c) => (c.details as { result: string }).result).sort()).toEqual(['mismatch', 'missing', 'verified']);

      // A new domain is pending again, and the old one stops answering.
      expect((await save(`shop.${seller.seller.slug}.test`)).ok).toBe(true);
      afterTtl();
      expect((await get(`https://${domain}/sign-in`)).headers.get('x-middleware-rewrite')).toBeNull();
      expect((await findSellerBrand(database.db, seller.sellerId)).portal.verifiedDomain).toBeNull();
    });

    it('says so clearly when the DNS server does not answer, and verifies nothing', async () => {
      const { seller, save, check, row } = await sellerWithAdmin();
      expect((await save(`portal.${seller.seller.slug}.test`)).ok).toBe(true);
      dns.records.set(`_tradepost-verify.portal.${seller.seller.slug}.test`, [`tradepost-verify=${(await row()).customDomainToken}`]);
      dns.silent = true;
      try {
        const result = await check(500);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/^The DNS lookup of _tradepost-verify\.portal\..*\.test timed out\. Nothing was changed; try again in a few minutes\.$/);
      } finally {
        dns.silent = false;
      }
      expect((await row()).customDomainVerifiedAt).toBeNull();
    });

    it('is for owners and admins only', async () => {
      const { seller, save } = await sellerWithAdmin();
      expect((await save(`portal.${seller.seller.slug}.test`)).ok).toBe(true);
      const staff = await addStaffActor(database.db, seller, 'staff');
      const result = await asResult(checkCustomDomain(database.db, { sellerId: seller.sellerId, actor: staff, lookup: dnsTxtLookup() }));
      expect(result).toEqual({ ok: false, error: 'Only owners and admins can change settings.', fieldErrors: undefined });
    });

    it('gives a domain claimed by two sellers to the one that proves it first', async () => {
      const a = await sellerWithAdmin();
      const b = await sellerWithAdmin();
      const domain = `shared-${a.seller.seller.slug}.example.com`;
      expect((await a.save(domain)).ok).toBe(true);
      expect((await b.save(domain)).ok).toBe(true);
      dns.records.set(`_tradepost-verify.${domain}`, [
        `tradepost-verify=${(await a.row()).customDomainToken}`,
        `tradepost-verify=${(await b.row()).customDomainToken}`,
      ]);
      expect((await a.check()).ok).toBe(true);
      const late = await b.check();
      expect(late.ok).toBe(false);
      if (!late.ok) expect(late.error).toBe(`${domain} is already used by another seller. Choose a different domain.`);
      expect((await b.row()).customDomainVerifiedAt).toBeNull();
    });
  });

  describe('the proxy', () => {
    it("never rewrites the app's own host, even when a seller row owns it; confines a custom domain to its portal", async () => {
      const squatter = await buildSeller(database.db);
      const acme = await buildSeller(database.db);
      await database.db
        .update(s.sellers)
        .set({ customDomain: 'tradepost.test', customDomainToken: 'x', customDomainVerifiedAt: new Date() })
        .where(eq(s.sellers.id, squatter.sellerId));
      await database.db
        .update(s.sellers)
        .set({ customDomain: 'portal.acme-proxy.test', customDomainToken: 'y', customDomainVerifiedAt: new Date() })
        .where(eq(s.sellers.id, acme.sellerId));
      afterTtl();

      const admin = await get('https://tradepost.test/admin/sign-in');
      expect(admin.status).toBe(200);
      expect(admin.headers.get('x-middleware-rewrite')).toBeNull();

      const host = 'https://portal.acme-proxy.test';
      expect((await get(`${host}/p/${squatter.seller.slug}/sign-in`)).status).toBe(404);
      expect((await get(`${host}/api/auth/staff/callback/password`, { method: 'POST' })).status).toBe(404);
      expect((await get(`${host}/sign-in`)).headers.get('x-middleware-rewrite')).toBe(`${host}/p/${acme.seller.slug}/sign-in`);
    });

    it('holds with several app instances on one database: each sees a change within its TTL', async () => {
      const { seller, save, check, row } = await sellerWithAdmin();
      const domain = `multi.${seller.seller.slug}.test`;
      expect((await save(domain)).ok).toBe(true);
      let clock = 0;
      const queries = { count: 0 };
      const instance = () =>
        createDomainTable({
          load: () => {
            queries.count++;
            return listVerifiedDomains(database.db);
          },
          ttlMs: 5_000,
          now: () => clock,
        });
      const [one, two] = [instance(), instance()];
      expect(await one.slugFor(domain)).toBeNull();
      expect(await two.slugFor(domain)).toBeNull();

      dns.records.set(`_tradepost-verify.${domain}`, [`tradepost-verify=${(await row()).customDomainToken}`]);
      expect((await check()).ok).toBe(true);
      clock += 5_001;
      expect(await one.slugFor(domain)).toBe(seller.seller.slug);
      expect(await two.slugFor(domain)).toBe(seller.seller.slug);

      expect((await save(null)).ok).toBe(true);
      clock += 5_001;
      expect(await one.slugFor(domain)).toBeNull();
      expect(await two.slugFor(domain)).toBeNull();
      for (let i = 0; i < 100; i++) await one.slugFor(`random-${i}.example.com`);
      expect(queries.count).toBe(6); // three loads per instance, none for the random hosts
    });
  });
});
