import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { loadPortalSettings, savePortalSettings } from '@/db/queries/settings/portal-settings';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { SETTINGS_FORBIDDEN, type SettingsActor } from '@/db/queries/settings/access';
import { MAX_LOGO_BYTES } from '@/lib/settings/logo';
import { asResult } from '../support/as-result';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import {
  addDevices,
  addProduct,
  availableQuantity,
  buildSeller,
  countedAvailableQuantity,
} from '../support/fixtures';
import { addStaffActor, auditCount, clearPortalSetup, demoPortalInput, tinyPng } from '../support/settings-fixtures';

describe('Customer Portal settings', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  async function sellerWithOwner(options: { cleared?: boolean } = {}) {
    const seller = await buildSeller(database.db);
    if (options.cleared) await clearPortalSetup(database.db, seller);
    const owner = await addStaffActor(database.db, seller, 'owner');
    return { seller, owner };
  }

  async function portalRow(sellerId: number) {
    const [row] = await database.db.select().from(s.portalSettings).where(eq(s.portalSettings.sellerId, sellerId));
    return row!;
  }

  async function chosenCounts(sellerId: number) {
    const { db } = database;
    const [st, wh, pm] = await Promise.all([
      db.select().from(s.portalForSaleStatuses).where(eq(s.portalForSaleStatuses.sellerId, sellerId)),
      db.select().from(s.portalForSaleWarehouses).where(eq(s.portalForSaleWarehouses.sellerId, sellerId)),
      db.select().from(s.portalPaymentMethods).where(eq(s.portalPaymentMethods.sellerId, sellerId)),
    ]);
    return { statuses: st.length, warehouses: wh.length, paymentMethods: pm.length };
  }

  describe('the enable guard', () => {
    it('refuses to enable with nothing chosen, names every missing setting, and writes nothing', async () => {
      const { seller, owner } = await sellerWithOwner({ cleared: true });
      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, {
          enabled: true,
          statusIds: [],
          warehouseIds: [],
          initialOrderStatusId: null,
          salesChannelId: null,
          paymentMethodIds: [],
          // Changed in the same save: must not be written either.
          displayName: 'Half written?',
          brandColor: '#ff0000',
        }),
      }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBe(
        "Can't enable the Customer Portal yet. Choose inventory statuses, warehouses, initial order status, sales channel and payment methods first.",
      );
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(
        ['initialOrderStatusId', 'paymentMethodIds', 'salesChannelId', 'statusIds', 'warehouseIds'].sort(),
      );
      const row = await portalRow(seller.sellerId);
      expect(row.enabled).toBe(false);
      expect(row.displayName).toBe(`Seller ${seller.seller.slug}`);
      expect(row.brandColor).toBe('#1d4ed8');
      expect(await chosenCounts(seller.sellerId)).toEqual({ statuses: 0, warehouses: 0, paymentMethods: 0 });
      expect(await auditCount(database.db, seller.sellerId)).toBe(0);
    });

    it.each([
      ['statusIds', 'inventory statuses'],
      ['warehouseIds', 'warehouses'],
      ['initialOrderStatusId', 'initial order status'],
      ['salesChannelId', 'sales channel'],
      ['paymentMethodIds', 'payment methods'],
    ] as const)('names only the missing %s when everything else is chosen', async (field, label) => {
      const { seller, owner } = await sellerWithOwner({ cleared: true });
      const empty = field.endsWith('Ids') ? [] : null;
      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { [field]: empty }),
      }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBe(`Can't enable the Customer Portal yet. Choose ${label} first.`);
      expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
      expect((await portalRow(seller.sellerId)).enabled).toBe(false);
      expect(await chosenCounts(seller.sellerId)).toEqual({ statuses: 0, warehouses: 0, paymentMethods: 0 });
    });

    it('enables once everything is chosen, and the page data shows nothing missing', async () => {
      const { seller, owner } = await sellerWithOwner({ cleared: true });
      const before = await loadPortalSettings(database.db, { sellerId: seller.sellerId });
      expect(before.missing).toEqual(['inventory statuses', 'warehouses', 'initial order status', 'sales channel', 'payment methods']);

      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller),
      }));
      expect(result).toMatchObject({ ok: true, data: { changed: true, checkoutUnavailable: false } });
      const after = await loadPortalSettings(database.db, { sellerId: seller.sellerId });
      expect(after.settings.enabled).toBe(true);
      expect(after.missing).toEqual([]);
      expect(after.choices.statusIds).toEqual([seller.status('Available').id, seller.status('Listed').id].sort((a, b) => a - b));
      expect(await chosenCounts(seller.sellerId)).toEqual({ statuses: 2, warehouses: 2, paymentMethods: 2 });
    });

    it('while on, refuses to clear statuses, warehouses, order status or channel (turn it off first)', async () => {
      const { seller, owner } = await sellerWithOwner();
      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { statusIds: [], salesChannelId: null }),
      }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBe(
        "The Customer Portal is on, so inventory statuses and sales channel can't be left empty. Turn the portal off first to clear them.",
      );
      expect(await chosenCounts(seller.sellerId)).toEqual({ statuses: 2, warehouses: 2, paymentMethods: 2 });

      // Off, they may be cleared.
      const off = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { enabled: false, statusIds: [], salesChannelId: null }),
      }));
      expect(off.ok).toBe(true);
      expect(await chosenCounts(seller.sellerId)).toEqual({ statuses: 0, warehouses: 2, paymentMethods: 2 });
      expect((await portalRow(seller.sellerId)).salesChannelId).toBeNull();
    });
  });

  describe('checkout without payment methods', () => {
    it('lets the last payment method go while the portal is on, and flags checkout as unavailable', async () => {
      const { seller, owner } = await sellerWithOwner();
      expect((await loadPortalSettings(database.db, { sellerId: seller.sellerId })).checkoutUnavailable).toBe(false);
      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { paymentMethodIds: [] }),
      }));
      expect(result).toMatchObject({ ok: true, data: { checkoutUnavailable: true } });
      const page = await loadPortalSettings(database.db, { sellerId: seller.sellerId });
      expect(page.settings.enabled).toBe(true);
      expect(page.checkoutUnavailable).toBe(true);

      // Off: nobody can check out anyway, so no warning.
      await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { enabled: false, paymentMethodIds: [] }),
      }));
      expect((await loadPortalSettings(database.db, { sellerId: seller.sellerId })).checkoutUnavailable).toBe(false);
    });
  });

  describe('For Sale choices', () => {
    it('changes availability when the chosen statuses and warehouses change', async () => {
      const { db } = database;
      const { seller, owner } = await sellerWithOwner();
      const product = await addProduct(db, seller);
      await addDevices(db, seller, product.id, 2); // Available, MAIN: counted
      await addDevices(db, seller, product.id, 3, { status: 'Received' }); // not yet
      await addDevices(db, seller, product.id, 4, { warehouse: 'RC' }); // not yet
      await addDevices(db, seller, product.id, 1, { warehouse: 'OVF' }); // counted
      expect(await availableQuantity(db, product.id)).toBe(3);

      const save = (overrides: Parameters<typeof demoPortalInput>[1]) =>
        asResult(savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, overrides) }));

      expect((await save({ statusIds: [seller.status('Available').id, seller.status('Received').id] })).ok).toBe(true);
      expect(await availableQuantity(db, product.id)).toBe(6);
      expect(
        (await save({
          statusIds: [seller.status('Available').id, seller.status('Received').id],
          warehouseIds: [seller.warehouse('MAIN').id, seller.warehouse('RC').id],
        })).ok,
      ).toBe(true);
      // OVF dropped (-1), RC added (+4).
      expect(await availableQuantity(db, product.id)).toBe(9);
      expect(await countedAvailableQuantity(db, product.id)).toBe(9);
    });

    it('writes only the rows that changed, leaving unchanged choices untouched', async () => {
      const { db } = database;
      const { seller, owner } = await sellerWithOwner();
      const versions = () =>
        queryRows<{ status_id: number; v: string }>(
          db,
          sql`select status_id, xmin::text as v from portal_for_sale_statuses where seller_id = ${seller.sellerId} order by status_id`,
        );
      const before = await versions();
      const result = await asResult(savePortalSettings(db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, {
          statusIds: [seller.status('Available').id, seller.status('Listed').id, seller.status('Received').id],
        }),
      }));
      expect(result.ok).toBe(true);
      const after = await versions();
      expect(after).toHaveLength(3);
      // Available and Listed are the very same row versions as before the save.
      for (const row of before) expect(after).toContainEqual(row);
    });

    it("refuses another seller's statuses, warehouses, payment methods, order status and channel", async () => {
      const { seller, owner } = await sellerWithOwner();
      const other = await buildSeller(database.db);
      const cases = [
        { statusIds: [other.status('Available').id] },
        { warehouseIds: [other.warehouse('MAIN').id] },
        { paymentMethodIds: [other.paymentMethod('Net 30').id] },
        { initialOrderStatusId: other.orderStatus('Confirmed').id },
        { salesChannelId: other.channel('Phone').id },
      ];
      for (const overrides of cases) {
        const result = await asResult(savePortalSettings(database.db, {
          sellerId: seller.sellerId,
          actor: owner,
          input: demoPortalInput(seller, overrides),
        }));
        expect(result.ok, JSON.stringify(overrides)).toBe(false);
        if (!result.ok) expect(result.error).toMatch(/no longer exists/);
      }
      expect(await auditCount(database.db, seller.sellerId)).toBe(0);
    });
  });

  describe('branding and other fields', () => {
    it('refuses a brand color that is not #rrggbb and stores a valid one in lower case', async () => {
      const { seller, owner } = await sellerWithOwner();
      for (const brandColor of ['red', '#12345', '#12345g', 'rgb(1,2,3)', '']) {
        const result = await asResult(savePortalSettings(database.db, {
          sellerId: seller.sellerId,
          actor: owner,
          input: demoPortalInput(seller, { brandColor, displayName: 'Not saved' }),
        }));
        expect(result.ok, brandColor).toBe(false);
        if (!result.ok) expect(result.fieldErrors?.brandColor?.[0]).toMatch(/#rrggbb/);
      }
      expect((await portalRow(seller.sellerId)).displayName).toBe(`Seller ${seller.seller.slug}`);
      const good = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: owner,
        input: demoPortalInput(seller, { brandColor: '#AB12CD' }),
      }));
      expect(good.ok).toBe(true);
      expect((await portalRow(seller.sellerId)).brandColor).toBe('#ab12cd');
    });

    it('takes a PNG logo (stored re-encoded), refuses SVG, unknown files and oversized images, and removes it', async () => {
      const { seller, owner } = await sellerWithOwner();
      const save = (logo: Parameters<typeof savePortalSettings>[1]['logo']) =>
        asResult(savePortalSettings(database.db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller), logo }));
      const storedLogo = async () =>
        (await database.db.select().from(s.portalLogos).where(eq(s.portalLogos.sellerId, seller.sellerId)))[0] ?? null;

      const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      const svgResult = await save({ kind: 'upload', bytes: svg });
      expect(svgResult.ok).toBe(false);
      if (!svgResult.ok) expect(svgResult.fieldErrors?.logo?.[0]).toMatch(/PNG, JPEG or WebP.*SVG is not accepted/);

      const text = await save({ kind: 'upload', bytes: new TextEncoder().encode('hello') });
      expect(text.ok).toBe(false);

      const big = new Uint8Array(MAX_LOGO_BYTES + 1);
      big.set(tinyPng);
      const bigResult = await save({ kind: 'upload', bytes: big });
      expect(bigResult.ok).toBe(false);
      if (!bigResult.ok) expect(bigResult.error).toMatch(/201 KB; upload an image of 200 KB or less/);
      expect(await storedLogo()).toBeNull();

      expect((await save({ kind: 'upload', bytes: tinyPng })).ok).toBe(true);
      const stored = await storedLogo();
      expect(stored).toMatchObject({ width: 1, height: 1 });
      expect(Buffer.from(stored!.png.subarray(1, 4)).toString('latin1')).toBe('PNG');
      expect((await portalRow(seller.sellerId)).logoDataUrl).toBeNull();

      expect((await save({ kind: 'keep' })).ok).toBe(true);
      expect((await storedLogo())!.sha256).toBe(stored!.sha256);
      expect((await save({ kind: 'remove' })).ok).toBe(true);
      expect(await storedLogo()).toBeNull();
    });

    it('validates the custom domain, stores it lower case, keeps it unique once verified, and clears it', async () => {
      const { seller, owner } = await sellerWithOwner();
      const save = (customDomain: string | null) =>
        asResult(savePortalSettings(database.db, {
          sellerId: seller.sellerId,
          actor: owner,
          input: demoPortalInput(seller, { customDomain }),
        }));
      for (const bad of ['https://portal.acme.com', 'portal.acme.com/shop', 'portal.acme.com:8080', 'portal', '-x.acme.com', '10.0.0.1', 'a b.com']) {
        const result = await save(bad);
        expect(result.ok, bad).toBe(false);
        if (!result.ok) expect(result.fieldErrors?.customDomain).toBeDefined();
      }
      const domain = `Portal-${seller.seller.slug}.Example.com`;
      expect((await save(domain)).ok).toBe(true);
      const [row] = await database.db.select().from(s.sellers).where(eq(s.sellers.id, seller.sellerId));
      expect(row!.customDomain).toBe(domain.toLowerCase());

      // A pending claim blocks nobody: whoever proves the domain in DNS gets it.
      const other = await sellerWithOwner();
      const claim = () =>
        asResult(savePortalSettings(database.db, {
          sellerId: other.seller.sellerId,
          actor: other.owner,
          input: demoPortalInput(other.seller, { customDomain: domain.toUpperCase() }),
        }));
      expect((await claim()).ok).toBe(true);
      await database.db.update(s.sellers).set({ customDomain: null, customDomainToken: null }).where(eq(s.sellers.id, other.seller.sellerId));
      await database.db.update(s.sellers).set({ customDomainVerifiedAt: new Date() }).where(eq(s.sellers.id, seller.sellerId));
      const taken = await claim();
      expect(taken.ok).toBe(false);
      if (!taken.ok) expect(taken.error).toBe(`${domain.toLowerCase()} is already used by another seller. Choose a different domain.`);

      expect((await save('')).ok).toBe(true);
      const [cleared] = await database.db.select().from(s.sellers).where(eq(s.sellers.id, seller.sellerId));
      expect(cleared!.customDomain).toBeNull();
    });

    it('reads an empty return window as no limit and refuses negative or fractional days', async () => {
      const { seller, owner } = await sellerWithOwner();
      const save = (returnWindowDays: unknown, invoiceDueDays: unknown = '30') =>
        asResult(savePortalSettings(database.db, {
          sellerId: seller.sellerId,
          actor: owner,
          input: demoPortalInput(seller, { returnWindowDays, invoiceDueDays } as never),
        }));
      expect((await save('45', '14')).ok).toBe(true);
      expect(await portalRow(seller.sellerId)).toMatchObject({ returnWindowDays: 45, invoiceDueDays: 14 });
      expect((await save('')).ok).toBe(true);
      expect((await portalRow(seller.sellerId)).returnWindowDays).toBeNull();
      for (const bad of ['-1', '2.5', 'soon']) expect((await save(bad)).ok, bad).toBe(false);
      expect((await save('10', '')).ok).toBe(false);
      expect((await save('10', '-3')).ok).toBe(false);
      expect((await portalRow(seller.sellerId)).returnWindowDays).toBeNull();
    });
  });

  describe('roles and audit', () => {
    it('refuses the staff role in the data layer and writes nothing', async () => {
      const seller = await buildSeller(database.db);
      const staff = await addStaffActor(database.db, seller, 'staff');
      const result = await asResult(savePortalSettings(database.db, {
        sellerId: seller.sellerId,
        actor: staff,
        input: demoPortalInput(seller, { enabled: false, displayName: 'Staff was here' }),
      }));
      expect(result).toEqual({ ok: false, error: SETTINGS_FORBIDDEN, fieldErrors: undefined });
      const row = await portalRow(seller.sellerId);
      expect(row.enabled).toBe(true);
      expect(row.displayName).toBe(`Seller ${seller.seller.slug}`);
      expect(await auditCount(database.db, seller.sellerId)).toBe(0);
    });

    it('lets an admin save, and records who changed what (before and after) for the recent changes list', async () => {
      const { db } = database;
      const seller = await buildSeller(db);
      const admin: SettingsActor = await addStaffActor(db, seller, 'admin');
      const result = await asResult(savePortalSettings(db, {
        sellerId: seller.sellerId,
        actor: admin,
        input: demoPortalInput(seller, {
          paymentMethodIds: [seller.paymentMethod('Net 30').id],
          hideUnpriced: true,
        }),
        logo: { kind: 'upload', bytes: tinyPng },
      }));
      expect(result.ok).toBe(true);
      const [entry] = await recentSettingsChanges(db, { sellerId: seller.sellerId, entityTypes: ['portal_settings'] });
      expect(entry).toMatchObject({ actorLabel: admin.name, action: 'portal_settings.update', entityType: 'portal_settings' });
      const details = entry!.details as { before: Record<string, unknown>; after: Record<string, unknown> };
      expect(details.before).toEqual({ paymentMethods: ['Net 30', 'Wire transfer'], hideUnpriced: false, logo: null });
      expect(details.after).toMatchObject({ paymentMethods: ['Net 30'], hideUnpriced: true });
      expect(details.after.logo).toMatch(/^image\/png 1×1 \(1 KB, [0-9a-f]{8}\)$/);
      const [audit] = await db
        .select()
        .from(s.auditEntries)
        .where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.id, entry!.id)));
      expect(audit!.actorStaffId).toBe(admin.staffUserId);

      // Saving the same values again changes nothing and logs nothing.
      const again = await asResult(savePortalSettings(db, {
        sellerId: seller.sellerId,
        actor: admin,
        input: demoPortalInput(seller, { paymentMethodIds: [seller.paymentMethod('Net 30').id], hideUnpriced: true }),
      }));
      expect(again).toMatchObject({ ok: true, data: { changed: false }, message: 'Nothing changed.' });
      expect(await auditCount(db, seller.sellerId)).toBe(1);
    });
  });
});

