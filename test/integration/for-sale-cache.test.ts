import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import type { DbOrTx } from '@/db';
import { createForSaleCache } from '@/db/queries/for-sale-cache';
import { applyPriceListImport } from '@/db/queries/price-lists/price-list-import';
import { setPriceListPrice } from '@/db/queries/price-lists/price-list-prices';
import { assignPriceList, createPriceList } from '@/db/queries/price-lists/save-price-list';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

/** Counts the statements a db handle runs (every query of the cache goes through `execute`). */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'execute' && typeof value === 'function') {
        return (...args: unknown[]) => {
          counter.statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: counted as DbOrTx, counter };
}

describe('For Sale cache', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const view = (p: Record<string, string> = {}) => parseForSaleView({ q: 'Cached', ...p });

  it('serves a cached page with one small statement and shows every committed change on the next view, from any instance', async () => {
    const { db } = database;
    const a = await addProduct(db, seller, { model: 'Cached 1', listPrice: 10_000 });
    const b = await addProduct(db, seller, { model: 'Cached 2', listPrice: 20_000 });
    const devicesOfA = await addDevices(db, seller, a.id, 3);
    await addDevices(db, seller, b.id, 2);
    const org = await addOrganization(db, seller, 'Cached org');
    // Two server instances: two caches over the same database.
    const [one, two] = [createForSaleCache(), createForSaleCache()];
    const params = { sellerId: seller.sellerId, organizationId: org.id, view: view() };
    const read = async (cache = one) => {
      const page = await cache.page(db, params);
      return Object.fromEntries(page.rows.map((r) => [r.id, { price: r.price, available: r.available }]));
    };
    expect(await read()).toEqual({ [a.id]: { price: 10_000, available: 3 }, [b.id]: { price: 20_000, available: 2 } });
    expect(await read(two)).toEqual(await read());

    const { db: counted, counter } = countingDb(db);
    await one.page(counted, params);
    expect(counter.statements).toBe(1);
    expect(one.stats().hits).toBeGreaterThan(0);

    // A device committed by staff (availability), on the next view of both instances.
    await staffCommitDevices(db, seller, a.id, devicesOfA.slice(0, 1));
    expect((await read())[a.id]).toEqual({ price: 10_000, available: 2 });
    expect((await read(two))[a.id]).toEqual({ price: 10_000, available: 2 });

    // A list price changed.
    await db.update(s.products).set({ listPrice: 9_000 }).where(eq(s.products.id, b.id));
    expect((await read(two))[b.id]).toEqual({ price: 9_000, available: 2 });

    // The organization put on a price list, then a price on it changed.
    const actor = { label: 'test' };
    const list = await createPriceList(db, { sellerId: seller.sellerId, actor, fields: { name: 'Cached list', rule: 'fixed', percentOff: '' } });
    await applyPriceListImport(db, { sellerId: seller.sellerId, priceListId: list.id, actor, currency: 'USD', rows: [{ row: 2, sku: a.sku, minQuantity: '1', price: '80.00' }] });
    expect((await read())[a.id]!.price).toBe(10_000);
    await assignPriceList(db, { sellerId: seller.sellerId, actor, priceListId: list.id, organizationIds: [org.id] });
    expect((await read())[a.id]!.price).toBe(8_000);
    await setPriceListPrice(db, { sellerId: seller.sellerId, priceListId: list.id, actor, currency: 'USD', sku: a.sku, minQuantity: 1, price: '75.00' });
    expect((await read(two))[a.id]!.price).toBe(7_500);

    // A setting: unpriced products hidden.
    await db.update(s.products).set({ listPrice: null }).where(eq(s.products.id, b.id));
    expect(Object.keys(await read())).toContain(String(b.id));
    await setPortalSettings(db, seller, { hideUnpriced: true });
    expect(Object.keys(await read(two))).not.toContain(String(b.id));
    await setPortalSettings(db, seller, { hideUnpriced: false });

    // A device moved out of the For Sale statuses.
    await db.update(s.devices).set({ statusId: seller.status('Sold').id }).where(and(eq(s.devices.productId, a.id), sql`${s.devices.orderLineId} is null`));
    expect((await read())[a.id]).toBeUndefined();
  });

  it('keeps one entry per price list: two organizations on different lists never see each other’s prices', async () => {
    const { db } = database;
    const p = await addProduct(db, seller, { model: 'Cached 3', listPrice: 5_000 });
    await addDevices(db, seller, p.id, 1);
    const actor = { label: 'test' };
    const gold = await createPriceList(db, { sellerId: seller.sellerId, actor, fields: { name: 'Cached gold', rule: 'percent_off', percentOff: '20' } });
    const onGold = await addOrganization(db, seller, 'On gold');
    const onList = await addOrganization(db, seller, 'On list prices');
    await assignPriceList(db, { sellerId: seller.sellerId, actor, priceListId: gold.id, organizationIds: [onGold.id] });
    const cache = createForSaleCache();
    const priceFor = async (organizationId: number) =>
      (await cache.page(db, { sellerId: seller.sellerId, organizationId, view: view({ q: 'Cached 3' }) })).rows.find((r) => r.id === p.id)!.price;
    expect(await priceFor(onGold.id)).toBe(4_000);
    expect(await priceFor(onList.id)).toBe(5_000);
    expect(await priceFor(onGold.id)).toBe(4_000);
    // Another seller's organization id prices nothing here.
    const other = await buildSeller(db);
    const foreign = await addOrganization(db, other, 'Foreign');
    await db.update(s.organizations).set({ priceListId: null }).where(eq(s.organizations.id, foreign.id));
    expect(await priceFor(foreign.id)).toBe(5_000);
  });

  it('raises the version once per transaction, at commit, and not for a rolled-back change', async () => {
    const { db } = database;
    const version = async () =>
      Number((await db.select({ v: s.catalogVersions.version }).from(s.catalogVersions).where(eq(s.catalogVersions.sellerId, seller.sellerId)))[0]?.v ?? 0);
    const before = await version();
    const p = await addProduct(db, seller, { model: 'Cached 4' });
    await addDevices(db, seller, p.id, 20);
    expect(await version()).toBe(before + 2);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(s.products).set({ listPrice: 1 }).where(eq(s.products.id, p.id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(before + 2);
  });
});
