import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import type { Db } from '@/db';
import { queryRows } from '@/db/rows';
import {
  forSaleAllRows,
  forSaleFacets,
  forSaleGroupedPage,
  forSaleListing,
  forSalePage,
  type ForSaleParams,
} from '@/db/queries/for-sale';
import { createForSaleCache } from '@/db/queries/for-sale-cache';
import { savePortalSettings } from '@/db/queries/settings/portal-settings';
import { batteryBand, batteryBands, carrierLockStates } from '@/lib/device-condition';
import { sequentialImei } from '@/lib/imei';
import { forSaleQueryString, parseForSaleView } from '@/lib/validation/for-sale';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor, demoPortalInput } from '../support/settings-fixtures';

type Unit = { battery: number | null; lock: 'unlocked' | 'locked' | 'unknown'; blacklisted?: boolean; sellable?: boolean };

/** Products with their units' conditions; every product also has units in a non-For Sale status (never counted). */
const catalogue: { attrs: { manufacturer: string; model: string; grade: string }; units: Unit[] }[] = [
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13', grade: 'A' }, units: [{ battery: 95, lock: 'unlocked' }, { battery: 91, lock: 'locked' }, { battery: 82, lock: 'unlocked' }] },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13', grade: 'B' }, units: [{ battery: 79, lock: 'unlocked' }, { battery: null, lock: 'unknown' }] },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 14', grade: 'A' }, units: [{ battery: 90, lock: 'unlocked', blacklisted: true }, { battery: 100, lock: 'unlocked' }] },
  { attrs: { manufacturer: 'Google', model: 'Pixel 8', grade: 'A' }, units: [{ battery: 89, lock: 'locked' }, { battery: 80, lock: 'locked' }] },
  { attrs: { manufacturer: 'Google', model: 'Pixel 7', grade: 'C' }, units: [{ battery: 60, lock: 'unknown' }, { battery: 99, lock: 'unknown', sellable: false }] },
  { attrs: { manufacturer: 'Samsung', model: 'Galaxy S23', grade: 'A' }, units: [{ battery: 95, lock: 'unlocked', sellable: false }] },
];

let imei = 0;

async function addUnits(db: Db, seller: SellerFixture, productId: number, units: Unit[]) {
  await db.insert(s.devices).values(
    units.map((u) => ({
      sellerId: seller.sellerId,
      imei: sequentialImei(++imei + process.pid * 10_000, '96'),
      productId,
      statusId: seller.status(u.sellable === false ? 'In Repair' : 'Available').id,
      warehouseId: seller.warehouse('MAIN').id,
      batteryHealth: u.battery,
      carrierLock: u.lock,
      blacklistStatus: u.blacklisted ? ('blacklisted' as const) : ('clean' as const),
    })),
  );
}

describe('For Sale condition filters: battery health and carrier lock', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  const ids: number[] = [];
  let hideBlacklisted = false;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    for (const item of catalogue) {
      const product = await addProduct(database.db, seller, { ...item.attrs, model: `${item.attrs.model} Cond` });
      ids.push(product.id);
      await addUnits(database.db, seller, product.id, item.units);
    }
  });
  afterAll(() => database.close());

  type P = { battery?: string[]; lock?: string[]; manufacturer?: string[]; sort?: string; dir?: string; layout?: string };
  const params = (p: P): ForSaleParams => ({ sellerId: seller.sellerId, organizationId: null, view: parseForSaleView({ q: 'Cond', ...p }) });
  const counts = (u: Unit) => u.sellable !== false && !(hideBlacklisted && u.blacklisted);
  /** The units of a product the filters leave, counted here from the catalogue. */
  const matching = (i: number, p: P, except?: 'battery' | 'lock') =>
    catalogue[i]!.units.filter(
      (u) =>
        counts(u) &&
        (except === 'battery' || !p.battery?.length || p.battery.includes(batteryBand(u.battery))) &&
        (except === 'lock' || !p.lock?.length || p.lock.includes(u.lock)),
    );
  const attrsMatch = (i: number, p: P) => !p.manufacturer?.length || p.manufacturer.includes(catalogue[i]!.attrs.manufacturer);

  const cases: P[] = [
    {},
    { battery: ['90-100'] },
    { lock: ['unlocked'] },
    { battery: ['90-100'], lock: ['unlocked'] },
    { battery: ['80-89', '0-79'], lock: ['locked', 'unknown'] },
    { battery: ['unknown'] },
    { battery: ['90-100'], manufacturer: ['Apple'] },
    { lock: ['locked'], manufacturer: ['Samsung'] },
  ];

  async function expectViewsMatchCatalogue() {
    const { db } = database;
    for (const p of cases) {
      const label = JSON.stringify({ ...p, hideBlacklisted });
      const expected = catalogue.flatMap((_, i) => (attrsMatch(i, p) && matching(i, p).length ? [{ id: ids[i]!, available: matching(i, p).length }] : []));
      const rows = await forSaleListing(db, params(p));
      expect(rows.map((r) => ({ id: r.id, available: r.available })).sort((a, b) => a.id - b.id), label).toEqual(expected);
      const page = await forSalePage(db, params(p));
      expect(page.rows, label).toEqual(rows);
      expect(page.facets, label).toEqual(await forSaleFacets(db, params(p)));
      expect(page.facets.total, label).toBe(expected.length);
      // Each condition value: the products with units in that state, given every other filter.
      for (const [key, values] of [['battery', batteryBands], ['lock', carrierLockStates]] as const) {
        const want: Record<string, number> = {};
        for (const value of values) {
          const n = catalogue.filter(
            (_, i) => attrsMatch(i, p) && matching(i, p, key).some((u) => (key === 'battery' ? batteryBand(u.battery) : u.lock) === value),
          ).length;
          if (n) want[value] = n;
        }
        expect(Object.fromEntries(page.facets.conditions[key].map((o) => [o.value, o.count])), `${key} under ${label}`).toEqual(want);
        // In their own order (90%+ first).
        expect(page.facets.conditions[key].map((o) => o.value)).toEqual(values.filter((v) => v in want));
      }
      // The attribute facets count products with matching units only.
      const apple = catalogue.filter((c, i) => c.attrs.manufacturer === 'Apple' && matching(i, p).length).length;
      expect(page.facets.options.manufacturer.find((o) => o.value === 'Apple')?.count ?? 0, label).toBe(apple);
      // The grouped view sums the same matching units.
      const grouped = await forSaleGroupedPage(db, params({ ...p, layout: 'grouped' }));
      expect(grouped.groups.flatMap((g) => g.cells).reduce((n, c) => n + c.available, 0), label).toBe(expected.reduce((n, r) => n + r.available, 0));
      // And the CSV, batch by batch.
      const csv = [];
      for await (const batch of forSaleAllRows(db, { ...params(p), batchSize: 2 })) csv.push(...batch);
      expect(csv, label).toEqual(rows);
    }
  }

  it('lists the matching units, with exact facet counts that combine with every other filter', async () => {
    await expectViewsMatchCatalogue();
  });

  it('sorts by the matching quantity under a condition filter', async () => {
    const rows = await forSaleListing(database.db, params({ lock: ['unlocked'], sort: 'quantity', dir: 'desc' }));
    expect(rows.map((r) => r.available)).toEqual([...rows.map((r) => r.available)].sort((a, b) => b - a));
    // Two unlocked units each (iPhone 13 A, iPhone 14 A) lead, though iPhone 13 A has three units in all.
    expect(rows.slice(0, 2).map((r) => [r.id, r.available]).sort()).toEqual([[ids[0], 2], [ids[2], 2]].sort());
  });

  it('writes the condition filters to the URL and reads back only known values', () => {
    const v = parseForSaleView(new URLSearchParams('battery=90-100&battery=nope&lock=unlocked&lock=unlocked&battery=0-79'));
    expect(v.battery).toEqual(['90-100', '0-79']);
    expect(v.lock).toEqual(['unlocked']);
    expect(forSaleQueryString(v)).toBe('?battery=90-100&battery=0-79&lock=unlocked');
  });

  it('follows "hide blacklisted" saved by staff (audited), and a cached page changes on the next view after a condition change', async () => {
    const { db } = database;
    const cache = createForSaleCache();
    const battery90 = params({ battery: ['90-100'] });
    const quantityOf = async (id: number) => (await cache.page(db, battery90)).rows.find((r) => r.id === id)?.available ?? 0;
    const iphone14 = ids[2]!;
    expect(await quantityOf(iphone14)).toBe(2);
    expect(await quantityOf(iphone14)).toBe(2);
    expect(cache.stats().hits).toBe(1);

    const owner = await addStaffActor(db, seller, 'owner');
    await savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { hideBlacklisted: true }) });
    hideBlacklisted = true;
    expect(await quantityOf(iphone14)).toBe(1);
    const [entry] = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.action, 'portal_settings.update')))
      .orderBy(desc(s.auditEntries.id))
      .limit(1);
    expect(entry!.details).toMatchObject({ before: { hideBlacklisted: false }, after: { hideBlacklisted: true } });
    await expectViewsMatchCatalogue();

    // A battery reading moves a unit out of 90%+ (the product's total is unchanged): the next view shows it.
    await db.execute(sql`update devices set battery_health = 85 where product_id = ${iphone14} and battery_health = 100`);
    expect(await quantityOf(iphone14)).toBe(0);
    expect((await queryRows<{ q: number }>(db, sql`select quantity as q from product_availability where product_id = ${iphone14}`))[0]!.q).toBe(1);
    await db.execute(sql`update devices set battery_health = 100 where product_id = ${iphone14} and battery_health = 85`);
    expect(await quantityOf(iphone14)).toBe(1);

    await savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { hideBlacklisted: false }) });
    hideBlacklisted = false;
    expect(await quantityOf(iphone14)).toBe(2);
  });
});
