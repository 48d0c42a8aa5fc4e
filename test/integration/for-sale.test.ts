import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { forSaleAllRows, forSaleFacets, forSaleListing, forSalePage, type ForSaleRow } from '@/db/queries/for-sale';
import { forSaleFacetKeys, parseForSaleView, type ForSaleView } from '@/lib/validation/for-sale';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

const view = (params: Record<string, string> = {}): ForSaleView => parseForSaleView(params);

describe('For Sale listing: availability under the portal settings', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const listed = async () => {
    const rows = await forSaleListing(database.db, { sellerId: seller.sellerId, view: view() });
    return new Map(rows.map((r) => [r.id, r]));
  };

  it('counts chosen statuses and warehouses only, lists nothing unavailable, follows every setting', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { model: 'iPhone 13' });
    await addDevices(db, seller, product.id, 3);
    await addDevices(db, seller, product.id, 2, { status: 'Listed', warehouse: 'OVF' });
    await addDevices(db, seller, product.id, 4, { status: 'Received' });
    const repair = await addDevices(db, seller, product.id, 1, { warehouse: 'RC' });
    const onlyInRepair = await addProduct(db, seller, { model: 'Pixel 7' });
    await addDevices(db, seller, onlyInRepair.id, 6, { status: 'In Repair' });

    let rows = await listed();
    expect(rows.get(product.id)?.available).toBe(5);
    expect(rows.has(onlyInRepair.id)).toBe(false);

    // Statuses: choosing "Received" adds its 4 devices.
    await db.insert(s.portalForSaleStatuses).values({ sellerId: seller.sellerId, statusId: seller.status('Received').id });
    expect((await listed()).get(product.id)?.available).toBe(9);
    // Warehouses: choosing the repair center adds the device there.
    await db.insert(s.portalForSaleWarehouses).values({ sellerId: seller.sellerId, warehouseId: seller.warehouse('RC').id });
    expect((await listed()).get(product.id)?.available).toBe(10);
    await db
      .delete(s.portalForSaleWarehouses)
      .where(and(eq(s.portalForSaleWarehouses.sellerId, seller.sellerId), eq(s.portalForSaleWarehouses.warehouseId, seller.warehouse('RC').id)));
    expect((await listed()).get(product.id)?.available).toBe(9);
    expect(repair).toHaveLength(1);

    // Committing devices to an order takes them out.
    const devices = await db.select().from(s.devices).where(eq(s.devices.productId, product.id)).limit(3);
    await staffCommitDevices(db, seller, product.id, devices.slice(0, 3));
    rows = await listed();
    expect(rows.get(product.id)?.available).toBe(6);

    // Moving devices out of the chosen statuses takes them out too.
    await db.update(s.devices).set({ statusId: seller.status('Sold').id }).where(and(eq(s.devices.productId, product.id), eq(s.devices.statusId, seller.status('Received').id)));
    expect((await listed()).get(product.id)?.available).toBe(2);
  });

  it('shows unpriced products with no price while hiding is off, and hides them when it is on', async () => {
    const { db } = database;
    const unpriced = await addProduct(db, seller, { listPrice: null, model: 'Galaxy A54' });
    const priced = await addProduct(db, seller, { listPrice: 12_300, model: 'Galaxy A54' });
    await addDevices(db, seller, unpriced.id, 2);
    await addDevices(db, seller, priced.id, 1);

    let rows = await listed();
    expect(rows.get(unpriced.id)).toMatchObject({ listPrice: null, available: 2 });
    expect(rows.get(priced.id)).toMatchObject({ listPrice: 12_300, available: 1 });

    await setPortalSettings(db, seller, { hideUnpriced: true });
    rows = await listed();
    expect(rows.has(unpriced.id)).toBe(false);
    expect(rows.has(priced.id)).toBe(true);
    const facets = await forSaleFacets(db, { sellerId: seller.sellerId, view: view({ model: 'Galaxy A54' }) });
    expect(facets.total).toBe(1);
    await setPortalSettings(db, seller, { hideUnpriced: false });
    expect((await listed()).has(unpriced.id)).toBe(true);
  });

  it("never shows another seller's stock", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirs = await addProduct(db, other, { model: 'Their Phone' });
    await addDevices(db, other, theirs.id, 3);
    expect((await listed()).has(theirs.id)).toBe(false);
    const facets = await forSaleFacets(db, { sellerId: seller.sellerId, view: view() });
    expect(facets.options.model.map((o) => o.value)).not.toContain('Their Phone');
  });
});

/** A catalogue whose expected answers the test computes itself, to check filters and counts against. */
type Item = { attrs: Partial<typeof s.products.$inferInsert>; available: number; unavailable?: number };
const catalogue: Item[] = [
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Midnight', grade: 'A', network: 'Unlocked', listPrice: 40_000 }, available: 5 },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13', capacity: '256GB', color: 'Midnight', grade: 'A+', network: 'Unlocked', listPrice: 45_000 }, available: 1 },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13', capacity: '64GB', color: 'Pink', grade: 'B', network: 'AT&T', listPrice: 30_000 }, available: 2 },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 13 Pro', capacity: '1TB', color: 'Graphite', grade: 'A', network: 'Unlocked', listPrice: 90_000 }, available: 1 },
  { attrs: { manufacturer: 'Apple', model: 'iPhone 12', capacity: '64GB', color: 'Black', grade: 'B', network: 'AT&T', listPrice: null }, available: 4 },
  { attrs: { manufacturer: 'Samsung', model: 'Galaxy S22', capacity: '128GB', color: 'Green', grade: 'A', network: 'Unlocked', listPrice: 30_000 }, available: 2 },
  { attrs: { manufacturer: 'Samsung', model: 'Galaxy S22', capacity: '128GB', color: 'Green', grade: 'A', network: 'Verizon', listPrice: 29_000 }, available: 0, unavailable: 3 },
  { attrs: { manufacturer: 'Samsung', model: 'Galaxy A54', capacity: '128GB', color: 'Awesome Graphite', grade: 'C', network: 'Unlocked', listPrice: 15_000, sku: 'SAM-A54-100%_OFF' }, available: 3 },
  { attrs: { manufacturer: 'Google', model: 'Pixel 8', capacity: '128GB', color: 'Obsidian', grade: 'A', network: 'Unlocked', listPrice: 35_000 }, available: 7 },
  { attrs: { manufacturer: 'Google', model: 'Pixel 8', capacity: '256GB', color: 'Hazel', grade: 'A+', network: 'Verizon', listPrice: 40_000 }, available: 2 },
];

describe('For Sale listing: filters, facet counts, search, sort and pagination', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  const ids = new Map<Item, number>();

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    for (const item of catalogue) {
      const product = await addProduct(database.db, seller, item.attrs);
      ids.set(item, product.id);
      if (item.available) await addDevices(database.db, seller, product.id, item.available);
      if (item.unavailable) await addDevices(database.db, seller, product.id, item.unavailable, { status: 'In Repair' });
    }
  });
  afterAll(() => database.close());

  const params = (p: Record<string, string>) => ({ sellerId: seller.sellerId, view: view(p) });
  const availableItems = () => catalogue.filter((i) => i.available > 0);
  const matches = (item: Item, p: Record<string, string>, except?: string) =>
    forSaleFacetKeys.every((k) => k === except || !p[k] || item.attrs[k] === p[k]);

  it('filters by each attribute and counts, per attribute, the products each value would leave', async () => {
    const { db } = database;
    const cases: Record<string, string>[] = [
      {},
      { manufacturer: 'Apple' },
      { manufacturer: 'Apple', grade: 'A' },
      { capacity: '128GB', network: 'Unlocked' },
      { color: 'Midnight' },
      { model: 'Pixel 8', grade: 'A+' },
      { manufacturer: 'Samsung', network: 'Verizon' },
    ];
    for (const p of cases) {
      const rows = await forSaleListing(db, params(p));
      const expected = availableItems().filter((i) => matches(i, p));
      expect(rows.map((r) => r.id).sort(), JSON.stringify(p)).toEqual(expected.map((i) => ids.get(i)).sort());
      const facets = await forSaleFacets(db, params(p));
      expect(facets.total, JSON.stringify(p)).toBe(expected.length);
      for (const key of forSaleFacetKeys) {
        const counts = new Map<string, number>();
        for (const item of availableItems().filter((i) => matches(i, p, key))) {
          const value = String(item.attrs[key]);
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        const got = Object.fromEntries(facets.options[key].map((o) => [o.value, o.count]));
        expect(got, `${key} under ${JSON.stringify(p)}`).toEqual(Object.fromEntries(counts));
      }
    }
  });

  it('orders facet values the way a buyer reads them', async () => {
    const facets = await forSaleFacets(database.db, params({}));
    expect(facets.options.capacity.map((o) => o.value)).toEqual(['64GB', '128GB', '256GB', '1TB']);
    expect(facets.options.grade.map((o) => o.value)).toEqual(['A+', 'A', 'B', 'C']);
  });

  it('searches every word across manufacturer, model, SKU, color and the rest, with LIKE wildcards taken literally', async () => {
    const { db } = database;
    const search = async (q: string) => (await forSaleListing(db, params({ q }))).map((r) => `${r.model} ${r.capacity} ${r.color}`);
    expect((await search('iphone 13 midnight')).sort()).toEqual(['iPhone 13 128GB Midnight', 'iPhone 13 256GB Midnight']);
    expect(await search('100%_off')).toEqual(['Galaxy A54 128GB Awesome Graphite']);
    expect(await search('%')).toEqual(['Galaxy A54 128GB Awesome Graphite']); // only the SKU holds a literal %
    expect(await search('iPhone_13')).toEqual([]); // _ is not a wildcard
    expect(await search('samsung verizon')).toEqual([]); // the only Verizon S22 has nothing available
    expect((await search('VERIZON')).length).toBe(1);
    const facets = await forSaleFacets(db, params({ q: 'pixel' }));
    expect(facets.total).toBe(2);
    expect(facets.options.manufacturer).toEqual([{ value: 'Google', count: 2 }]);
  });

  it('sorts by model, price (unpriced last either way) and quantity, ascending and descending', async () => {
    const { db } = database;
    const list = async (p: Record<string, string>) => forSaleListing(db, params(p));
    const byModel = await list({ manufacturer: 'Apple' });
    expect(byModel.map((r) => `${r.model} ${r.capacity}`)).toEqual([
      'iPhone 12 64GB',
      'iPhone 13 64GB',
      'iPhone 13 128GB',
      'iPhone 13 256GB',
      'iPhone 13 Pro 1TB',
    ]);
    expect((await list({ manufacturer: 'Apple', dir: 'desc' })).map((r) => r.id)).toEqual(byModel.map((r) => r.id).reverse());

    const prices = (rows: ForSaleRow[]) => rows.map((r) => r.listPrice);
    expect(prices(await list({ sort: 'price' }))).toEqual([15_000, 30_000, 30_000, 35_000, 40_000, 40_000, 45_000, 90_000, null]);
    expect(prices(await list({ sort: 'price', dir: 'desc' }))).toEqual([90_000, 45_000, 40_000, 40_000, 35_000, 30_000, 30_000, 15_000, null]);
    expect((await list({ sort: 'quantity', dir: 'desc' })).map((r) => r.available)).toEqual([7, 5, 4, 3, 2, 2, 2, 1, 1]);
    expect((await list({ sort: 'quantity' })).map((r) => r.available)).toEqual([1, 1, 2, 2, 2, 3, 4, 5, 7]);
  });

  it('pages 50 rows at a time in the database, with no row lost or repeated', async () => {
    const { db } = database;
    // 60 more Motorola products: 69 available in all.
    for (let i = 0; i < 60; i++) {
      const product = await addProduct(db, seller, { manufacturer: 'Motorola', model: `Moto G${i}`, listPrice: 10_000 + i });
      await addDevices(db, seller, product.id, 1 + (i % 3));
    }
    const first = await forSaleListing(db, params({ sort: 'price' }));
    const second = await forSaleListing(db, params({ sort: 'price', page: '2' }));
    const third = await forSaleListing(db, params({ sort: 'price', page: '3' }));
    expect(first).toHaveLength(50);
    expect(second).toHaveLength(19);
    expect(third).toHaveLength(0);
    const all = [...first, ...second].map((r) => r.id);
    expect(new Set(all).size).toBe(69);
    expect((await forSaleFacets(db, params({ sort: 'price' }))).total).toBe(69);
    const motorola = await forSaleFacets(db, params({ manufacturer: 'Motorola' }));
    expect(motorola.total).toBe(60);
    expect(motorola.options.manufacturer.find((o) => o.value === 'Motorola')?.count).toBe(60);
  });

  it("reads the page's rows, facet counts and total in one statement that agrees with the separate queries", async () => {
    const { db } = database;
    const views: Record<string, string>[] = [{}, { manufacturer: 'Apple', grade: 'A' }, { q: 'pixel', sort: 'price', dir: 'desc' }, { sort: 'quantity', page: '2' }, { color: 'Nope' }];
    for (const p of views) {
      const page = await forSalePage(db, params(p));
      expect(page.rows, JSON.stringify(p)).toEqual(await forSaleListing(db, params(p)));
      expect(page.facets, JSON.stringify(p)).toEqual(await forSaleFacets(db, params(p)));
    }
    expect((await forSalePage(db, params({ sort: 'quantity', page: '2' }))).rows).toHaveLength(19);
    expect((await forSalePage(db, params({ color: 'Nope' }))).facets.total).toBe(0);
  });

  it('gives the CSV every row of the filtered view, in its order, batch by batch', async () => {
    const { db } = database;
    const p = { ...params({ sort: 'quantity', dir: 'desc' }), batchSize: 7 };
    const batches: ForSaleRow[][] = [];
    for await (const batch of forSaleAllRows(db, p)) batches.push(batch);
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    const rows = batches.flat();
    const page1 = await forSaleListing(db, params({ sort: 'quantity', dir: 'desc' }));
    const page2 = await forSaleListing(db, params({ sort: 'quantity', dir: 'desc', page: '2' }));
    expect(rows.map((r) => r.id)).toEqual([...page1, ...page2].map((r) => r.id));
  });
});
