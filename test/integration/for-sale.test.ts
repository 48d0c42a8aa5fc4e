import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import * as s from '@/db/schema';
import {
  forSaleAllRows,
  forSaleFacets,
  forSaleGroupedPage,
  forSaleListing,
  forSaleListingQuery,
  forSaleGroupedPageQuery,
  forSalePage,
  forSalePageQuery,
  gradeColumns,
  type ForSaleParams,
  type ForSaleRow,
} from '@/db/queries/for-sale';
import type { DbOrTx } from '@/db';
import { forSaleFacetKeys, forSaleQueryString, parseForSaleView, type ForSaleView } from '@/lib/validation/for-sale';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { applyPriceListImport } from '@/db/queries/price-lists/price-list-import';
import { assignPriceList, createPriceList } from '@/db/queries/price-lists/save-price-list';
import { setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

type ViewParams = Record<string, string | string[]>;
const view = (params: ViewParams = {}): ForSaleView => parseForSaleView(params);

/**
 * The database as a reader that counts its statements: every read of the For
 * Sale queries goes through `execute`; touching any other query builder
 * (select, transaction…) fails the test, so the count is the whole cost.
 */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'execute') {
        return (...args: unknown[]) => {
          counter.statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      throw new Error(`The For Sale read used db.${String(prop)}, not one statement`);
    },
  });
  return { db: proxy, counter };
}

describe('For Sale listing: availability under the portal settings', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const listed = async () => {
    const rows = await forSaleListing(database.db, { sellerId: seller.sellerId, organizationId: null, view: view() });
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
    const facets = await forSaleFacets(db, { sellerId: seller.sellerId, organizationId: null, view: view({ model: 'Galaxy A54' }) });
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
    const facets = await forSaleFacets(db, { sellerId: seller.sellerId, organizationId: null, view: view() });
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

  const params = (p: ViewParams): ForSaleParams => ({ sellerId: seller.sellerId, organizationId: null, view: view(p) });
  const availableItems = () => catalogue.filter((i) => i.available > 0);
  const chosen = (p: ViewParams, k: string) => (p[k] === undefined ? [] : ([] as string[]).concat(p[k]));
  const matches = (item: Item, p: ViewParams, except?: string) =>
    forSaleFacetKeys.every((k) => k === except || !chosen(p, k).length || chosen(p, k).includes(String(item.attrs[k])));

  it('filters by each attribute and counts, per attribute, the products each value would leave', async () => {
    const { db } = database;
    const cases: ViewParams[] = [
      {},
      { grade: ['A+', 'A'] },
      { grade: ['A+', 'A'], network: ['Unlocked', 'Verizon'] },
      { grade: ['A+', 'B'], network: ['AT&T', 'Verizon'], manufacturer: 'Apple' },
      { manufacturer: ['Apple', 'Google'], capacity: ['128GB', '256GB'], q: 'a' },
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
    const views: ViewParams[] = [{}, { manufacturer: 'Apple', grade: 'A' }, { grade: ['A+', 'B'], network: ['AT&T', 'Unlocked'] }, { q: 'pixel', sort: 'price', dir: 'desc' }, { sort: 'quantity', page: '2' }, { color: 'Nope' }, { battery: 'unknown', lock: 'unknown', sort: 'quantity' }, { battery: '90-100' }];
    for (const p of views) {
      const page = await forSalePage(db, params(p));
      expect(page.rows, JSON.stringify(p)).toEqual(await forSaleListing(db, params(p)));
      expect(page.facets, JSON.stringify(p)).toEqual(await forSaleFacets(db, params(p)));
    }
    expect((await forSalePage(db, params({ sort: 'quantity', page: '2' }))).rows).toHaveLength(19);
    expect((await forSalePage(db, params({ color: 'Nope' }))).facets.total).toBe(0);
  });

  it('reads one statement per view however many rows or devices, and none of its plans reads a device row', async () => {
    const { db } = database;
    const views: ViewParams[] = [
      {},
      { manufacturer: 'Apple', grade: ['A', 'A+'] },
      { q: 'iphone 13' },
      { page: '2' },
      { sort: 'price', dir: 'desc' },
      // The condition filters sum availability cells: still one statement, still no device row.
      { battery: '90-100' },
      { lock: ['unlocked', 'unknown'], battery: ['unknown', '80-89'], sort: 'quantity', dir: 'desc' },
    ];
    const statements = async (of: typeof params = params) => {
      const { db: counted, counter } = countingDb(db);
      for (const p of views) await forSalePage(counted, of(p));
      await forSaleGroupedPage(counted, of({ layout: 'grouped' }));
      await forSaleGroupedPage(counted, of({ layout: 'grouped', battery: 'unknown' }));
      return counter.statements;
    };
    const before = await statements();
    // More rows on the page and ten times the devices: the same statements.
    const nokias = [];
    for (let i = 0; i < 40; i++) {
      const product = await addProduct(db, seller, { manufacturer: 'Nokia', model: `G${i}`, listPrice: 5_000 + i });
      await addDevices(db, seller, product.id, 10);
      nokias.push(product);
    }
    expect(before).toBe(views.length + 2);
    expect(await statements()).toBe(before);
    // A buyer on a price list with a price and a quantity break per product: still one statement per view.
    const actor = { label: 'test' };
    const list = await createPriceList(db, { sellerId: seller.sellerId, actor, fields: { name: 'Counted', rule: 'percent_off', percentOff: '5' } });
    const file = nokias.flatMap((p, i) => [
      { row: 2 * i + 2, sku: p.sku, minQuantity: '1', price: '40.00' },
      { row: 2 * i + 3, sku: p.sku, minQuantity: '10', price: '35.00' },
    ]);
    await applyPriceListImport(db, { sellerId: seller.sellerId, priceListId: list.id, actor, currency: 'USD', rows: file });
    const org = await addOrganization(db, seller, 'Counted org');
    await assignPriceList(db, { sellerId: seller.sellerId, actor, priceListId: list.id, organizationIds: [org.id] });
    const priced = (p: ViewParams) => ({ ...params(p), organizationId: org.id });
    expect(await statements(priced)).toBe(before);
    const nokiaRows = (await forSalePage(db, priced({ manufacturer: 'Nokia' }))).rows;
    expect(nokiaRows.every((r) => r.price === 4000 && r.breaks.length === 1 && r.breaks[0]!.price === 3500)).toBe(true);
    // Availability is read from the per-product aggregate: no plan node touches `devices`.
    const relations = (plan: Record<string, unknown>): string[] => [
      ...(typeof plan['Relation Name'] === 'string' ? [plan['Relation Name']] : []),
      ...((plan.Plans as Record<string, unknown>[] | undefined) ?? []).flatMap(relations),
    ];
    const queries = [params, priced].flatMap((of) => [
      ...views.map((p) => forSalePageQuery(of(p))),
      ...views.map((p) => forSaleListingQuery(of(p))),
      forSaleGroupedPageQuery(of({ layout: 'grouped' })),
      forSaleGroupedPageQuery(of({ layout: 'grouped', lock: 'locked' })),
    ]);
    for (const query of queries) {
      const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(db, sql`explain (format json) ${query}`);
      const explained = row!['QUERY PLAN'];
      const [top] = (typeof explained === 'string' ? JSON.parse(explained) : explained) as { Plan: Record<string, unknown> }[];
      const read = relations(top!.Plan);
      expect(read).toContain('product_availability');
      expect(read).not.toContain('devices');
    }
  });

  it('gives the CSV every row of the filtered view, in its order, batch by batch', async () => {
    const { db } = database;
    const p = { ...params({ sort: 'quantity', dir: 'desc' }), batchSize: 7 };
    const batches: ForSaleRow[][] = [];
    for await (const batch of forSaleAllRows(db, p)) batches.push(batch);
    expect(batches.every((b) => b.length <= 7)).toBe(true);
    const rows = batches.flat();
    const pages: ForSaleRow[] = [];
    for (let page = 1; ; page++) {
      const rowsOfPage = await forSaleListing(db, params({ sort: 'quantity', dir: 'desc', page: String(page) }));
      if (!rowsOfPage.length) break;
      pages.push(...rowsOfPage);
    }
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.id)).toEqual(pages.map((r) => r.id));
  });

  it('reads several values per filter from the URL and writes them back the same way', () => {
    const parsed = parseForSaleView(new URLSearchParams('grade=A%2B&grade=A&network=Unlocked&network=Verizon&grade=A&grade=%20&layout=grouped'));
    expect(parsed).toMatchObject({ grade: ['A+', 'A'], network: ['Unlocked', 'Verizon'], model: [], layout: 'grouped' });
    expect(forSaleQueryString(parsed)).toBe('?network=Unlocked&network=Verizon&grade=A%2B&grade=A&layout=grouped');
    expect(parseForSaleView({ grade: ['A+', 'B'], layout: 'nope', page: ['2', '3'] })).toMatchObject({ grade: ['A+', 'B'], layout: 'list', page: 2 });
  });

  it('keeps several values per filter in the one statement, and the CSV follows the same filters', async () => {
    const { db } = database;
    const p: ViewParams = { manufacturer: ['Apple', 'Google', 'Samsung'], grade: ['A+', 'A'], network: ['Unlocked', 'Verizon'], sort: 'price' };
    const { db: counted, counter } = countingDb(db);
    const page = await forSalePage(counted, params(p));
    expect(counter.statements).toBe(1);
    const expected = availableItems().filter((i) => matches(i, p));
    expect(page.rows.map((r) => r.id).sort()).toEqual(expected.map((i) => ids.get(i)!).sort());
    expect(page.rows.every((r) => ['A+', 'A'].includes(r.grade) && ['Unlocked', 'Verizon'].includes(r.network))).toBe(true);
    expect(page.facets).toEqual(await forSaleFacets(db, params(p)));
    // Grade counts ignore the grade selection (B and C still counted), network counts ignore the network one.
    const gradeCounts = Object.fromEntries(page.facets.options.grade.map((o) => [o.value, o.count]));
    const networkCounts = Object.fromEntries(page.facets.options.network.map((o) => [o.value, o.count]));
    const count = (items: Item[], key: 'grade' | 'network', value: string) => items.filter((i) => i.attrs[key] === value).length;
    const underNetwork = availableItems().filter((i) => matches(i, p, 'grade'));
    const underGrade = availableItems().filter((i) => matches(i, p, 'network'));
    expect(gradeCounts.C).toBe(count(underNetwork, 'grade', 'C'));
    expect(gradeCounts.C).toBeGreaterThan(0);
    expect(gradeCounts['A+']).toBe(count(underNetwork, 'grade', 'A+'));
    expect(networkCounts['AT&T'] ?? 0).toBe(count(underGrade, 'network', 'AT&T'));
    expect(networkCounts.Verizon).toBe(count(underGrade, 'network', 'Verizon'));
    expect(networkCounts.Verizon).toBeGreaterThan(0);

    const csv: ForSaleRow[] = [];
    for await (const batch of forSaleAllRows(db, { ...params(p), batchSize: 2 })) csv.push(...batch);
    expect(csv.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  });
});

describe('For Sale grouped view: one row per model, capacity, color and network, a column per grade', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  const id = new Map<string, number>();
  const stock: [string, Partial<typeof s.products.$inferInsert>, number][] = [
    ['13-unl-A+', { model: 'iPhone 13', network: 'Unlocked', grade: 'A+', listPrice: 45_000 }, 2],
    ['13-unl-A', { model: 'iPhone 13', network: 'Unlocked', grade: 'A', listPrice: 40_000 }, 5],
    ['13-unl-B', { model: 'iPhone 13', network: 'Unlocked', grade: 'B', listPrice: 30_000 }, 3],
    ['13-unl-C', { model: 'iPhone 13', network: 'Unlocked', grade: 'C', listPrice: null }, 1],
    ['13-att-A', { model: 'iPhone 13', network: 'AT&T', grade: 'A', listPrice: 39_000 }, 2],
    ['13-att-B', { model: 'iPhone 13', network: 'AT&T', grade: 'B', listPrice: 29_000 }, 1],
    ['13-256-A+', { model: 'iPhone 13', capacity: '256GB', network: 'Unlocked', grade: 'A+', listPrice: 50_000 }, 1],
    ['px-A-1', { manufacturer: 'Google', model: 'Pixel 8', color: 'Obsidian', grade: 'A', listPrice: 35_000 }, 7],
    ['px-A-2', { manufacturer: 'Google', model: 'Pixel 8', color: 'Obsidian', grade: 'A', listPrice: 34_000 }, 1],
    ['s22-B-none', { manufacturer: 'Samsung', model: 'Galaxy S22', color: 'Green', grade: 'B', listPrice: 20_000 }, 0],
  ];

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    for (const [key, attrs, available] of stock) {
      const product = await addProduct(database.db, seller, { manufacturer: 'Apple', capacity: '128GB', color: 'Midnight', ...attrs });
      id.set(key, product.id);
      if (available) await addDevices(database.db, seller, product.id, available);
    }
  });
  afterAll(() => database.close());

  const params = (p: ViewParams) => ({ sellerId: seller.sellerId, organizationId: null, view: view({ layout: 'grouped', ...p }) });
  const titles = (groups: { manufacturer: string; model: string; capacity: string; color: string; network: string }[]) =>
    groups.map((g) => `${g.manufacturer} ${g.model} ${g.capacity} ${g.color} ${g.network}`);

  it('groups the products by variant, grades in the seller order, in one statement', async () => {
    const { db, counter } = countingDb(database.db);
    const page = await forSaleGroupedPage(db, params({}));
    expect(counter.statements).toBe(1);
    expect(titles(page.groups)).toEqual([
      'Apple iPhone 13 128GB Midnight AT&T',
      'Apple iPhone 13 128GB Midnight Unlocked',
      'Apple iPhone 13 256GB Midnight Unlocked',
      'Google Pixel 8 128GB Obsidian Unlocked',
    ]);
    expect(page.groupCount).toBe(4);
    expect(page.facets.total).toBe(9);
    expect(gradeColumns(page.facets, params({}).view)).toEqual(['A+', 'A', 'B', 'C']);
    const unlocked = page.groups[1]!;
    expect(unlocked.cells).toEqual([
      { id: id.get('13-unl-A+'), sku: expect.any(String), grade: 'A+', price: 45_000, available: 2, minOrderQuantity: 1, orderIncrement: 1 },
      { id: id.get('13-unl-A'), sku: expect.any(String), grade: 'A', price: 40_000, available: 5, minOrderQuantity: 1, orderIncrement: 1 },
      { id: id.get('13-unl-B'), sku: expect.any(String), grade: 'B', price: 30_000, available: 3, minOrderQuantity: 1, orderIncrement: 1 },
      { id: id.get('13-unl-C'), sku: expect.any(String), grade: 'C', price: null, available: 1, minOrderQuantity: 1, orderIncrement: 1 },
    ]);
    // Two products of one grade in one variant both appear in its cell.
    expect(page.groups[3]!.cells.map((c) => c.id).sort()).toEqual([id.get('px-A-1'), id.get('px-A-2')].sort());
  });

  it('applies several values per filter; the grade columns narrow to the chosen grades', async () => {
    const p = params({ grade: ['A', 'A+'], network: ['AT&T', 'Unlocked'], manufacturer: 'Apple' });
    const page = await forSaleGroupedPage(database.db, p);
    expect(titles(page.groups)).toEqual([
      'Apple iPhone 13 128GB Midnight AT&T',
      'Apple iPhone 13 128GB Midnight Unlocked',
      'Apple iPhone 13 256GB Midnight Unlocked',
    ]);
    expect(page.groups.map((g) => g.cells.map((c) => c.grade))).toEqual([['A'], ['A+', 'A'], ['A+']]);
    expect(gradeColumns(page.facets, p.view)).toEqual(['A+', 'A']);
    // The grade facet still counts B and C (its own selection does not apply to it).
    expect(Object.fromEntries(page.facets.options.grade.map((o) => [o.value, o.count]))).toEqual({ 'A+': 2, A: 2, B: 2, C: 1 });
    // The list view of the same filters has the same products.
    const list = await forSalePage(database.db, { ...p, view: { ...p.view, layout: 'list' } });
    expect(list.rows.map((r) => r.id).sort()).toEqual(page.groups.flatMap((g) => g.cells.map((c) => c.id)).sort());
    expect(list.facets).toEqual(page.facets);
  });

  it('sorts groups by lowest price and paginates groups in the database, one statement at any size', async () => {
    const byPrice = await forSaleGroupedPage(database.db, params({ sort: 'price' }));
    expect(titles(byPrice.groups).slice(0, 2)).toEqual(['Apple iPhone 13 128GB Midnight AT&T', 'Apple iPhone 13 128GB Midnight Unlocked']); // from $290.00, $300.00
    expect(titles(byPrice.groups).at(-1)).toBe('Apple iPhone 13 256GB Midnight Unlocked'); // $500.00

    for (let i = 0; i < 60; i++) {
      for (const grade of ['A', 'B']) {
        const product = await addProduct(database.db, seller, { manufacturer: 'Motorola', model: `Moto G${String(i).padStart(2, '0')}`, grade });
        await addDevices(database.db, seller, product.id, 1);
      }
    }
    const { db, counter } = countingDb(database.db);
    const first = await forSaleGroupedPage(db, params({}));
    const second = await forSaleGroupedPage(db, params({ page: '2' }));
    const third = await forSaleGroupedPage(db, params({ page: '3' }));
    expect(counter.statements).toBe(3);
    expect(first.groupCount).toBe(64);
    expect(first.groups).toHaveLength(50);
    expect(second.groups).toHaveLength(14);
    expect(third.groups).toHaveLength(0);
    const all = titles([...first.groups, ...second.groups]);
    expect(new Set(all).size).toBe(64);
    // Every Motorola row holds both its grades, even across the page boundary.
    expect([...first.groups, ...second.groups].filter((g) => g.manufacturer === 'Motorola').every((g) => g.cells.map((c) => c.grade).join() === 'A,B')).toBe(true);
    const motorolaB = await forSaleGroupedPage(database.db, params({ manufacturer: 'Motorola', grade: 'B', page: '2' }));
    expect(motorolaB.groupCount).toBe(60);
    expect(motorolaB.groups).toHaveLength(10);
    expect(motorolaB.facets.total).toBe(60);
  });
});
