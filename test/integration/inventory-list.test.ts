import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { countMatchingDevices, listDevices } from '@/db/queries/inventory/device-list';
import type { DeviceFilters } from '@/db/queries/inventory/device-filters';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { commitToNewOrder } from '../support/inventory-fixtures';

/**
 * One seller with a small, known inventory; every filter must return exactly
 * the devices it describes, newest first, and never another seller's.
 */
describe('inventory list', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  const ids: Record<string, number[]> = {};
  let iphone: s.Product;
  let pixel: s.Product;
  let orderNumber: number;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    const { db } = database;
    seller = await buildSeller(db);
    other = await buildSeller(db);
    iphone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Pink', network: 'AT&T', grade: 'B' });
    pixel = await addProduct(db, seller, { manufacturer: 'Google', model: 'Pixel 8', capacity: '256GB', color: 'Hazel', network: 'Unlocked', grade: 'A+' });
    const otherProduct = await addProduct(db, other, { manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Pink', network: 'AT&T', grade: 'B' });
    ids.iphoneMain = (await addDevices(db, seller, iphone.id, 3)).map((d) => d.id);
    ids.iphoneRepair = (await addDevices(db, seller, iphone.id, 2, { status: 'In Repair', warehouse: 'RC' })).map((d) => d.id);
    ids.pixelOvf = (await addDevices(db, seller, pixel.id, 4, { status: 'Listed', warehouse: 'OVF' })).map((d) => d.id);
    ids.otherSeller = (await addDevices(db, other, otherProduct.id, 3)).map((d) => d.id);
    const [serialDevice] = await db
      .insert(s.devices)
      .values({ sellerId: seller.sellerId, serial: 'TAB-77-XK9', productId: pixel.id, statusId: seller.status('Received').id, warehouseId: seller.warehouse('MAIN').id })
      .returning();
    ids.serial = [serialDevice!.id];
    const order = await commitToNewOrder(db, seller, iphone.id, [ids.iphoneMain[0]!], 4711);
    orderNumber = order.number;
  });
  afterAll(() => database.close());

  const all = () => [...ids.iphoneMain!, ...ids.iphoneRepair!, ...ids.pixelOvf!, ...ids.serial!];
  async function idsFor(filters: DeviceFilters) {
    const page = await listDevices(database.db, { sellerId: seller.sellerId, filters });
    return page.rows.map((r) => r.id);
  }
  const desc = (list: number[]) => [...list].sort((a, b) => b - a);

  it("lists the seller's devices newest first with product, status, warehouse and order", async () => {
    const page = await listDevices(database.db, { sellerId: seller.sellerId, filters: {} });
    expect(page.rows.map((r) => r.id)).toEqual(desc(all()));
    expect(page.nextAfter).toBeNull();
    expect(page.previousBefore).toBeNull();
    const committed = page.rows.find((r) => r.id === ids.iphoneMain![0]);
    expect(committed).toMatchObject({ orderNumber, statusName: 'Available', warehouseCode: 'MAIN', model: 'iPhone 13', grade: 'B', cost: 5000 });
    expect(committed!.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.rows.find((r) => r.id === ids.iphoneMain![1])!.orderNumber).toBeNull();
  });

  it('filters by each product attribute', async () => {
    expect(await idsFor({ manufacturer: 'Google' })).toEqual(desc([...ids.pixelOvf!, ...ids.serial!]));
    expect(await idsFor({ model: 'iPhone 13' })).toEqual(desc([...ids.iphoneMain!, ...ids.iphoneRepair!]));
    expect(await idsFor({ capacity: '256GB' })).toEqual(desc([...ids.pixelOvf!, ...ids.serial!]));
    expect(await idsFor({ color: 'Pink' })).toEqual(desc([...ids.iphoneMain!, ...ids.iphoneRepair!]));
    expect(await idsFor({ network: 'Unlocked' })).toEqual(desc([...ids.pixelOvf!, ...ids.serial!]));
    expect(await idsFor({ grade: 'A+' })).toEqual(desc([...ids.pixelOvf!, ...ids.serial!]));
    expect(await idsFor({ manufacturer: 'Apple', grade: 'A+' })).toEqual([]);
    expect(await idsFor({ productId: iphone.id })).toEqual(desc([...ids.iphoneMain!, ...ids.iphoneRepair!]));
  });

  it('filters by SKU, whole or its start, in any case, with LIKE wildcards taken literally', async () => {
    expect(await idsFor({ sku: iphone.sku })).toEqual(desc([...ids.iphoneMain!, ...ids.iphoneRepair!]));
    expect(await idsFor({ sku: pixel.sku.toLowerCase() })).toEqual(desc([...ids.pixelOvf!, ...ids.serial!]));
    expect(await idsFor({ sku: 'SKU-' })).toEqual(desc(all()));
    expect(await idsFor({ sku: '%' })).toEqual([]);
    expect(await idsFor({ sku: 'NO-SUCH-SKU' })).toEqual([]);
    // Another seller's product with the same SKU start contributes nothing.
    expect((await listDevices(database.db, { sellerId: other.sellerId, filters: { sku: iphone.sku } })).rows).toEqual([]);
  });

  it('filters by status, warehouse and committed', async () => {
    expect(await idsFor({ statusId: seller.status('In Repair').id })).toEqual(desc(ids.iphoneRepair!));
    expect(await idsFor({ warehouseId: seller.warehouse('OVF').id })).toEqual(desc(ids.pixelOvf!));
    expect(await idsFor({ statusId: seller.status('Available').id, warehouseId: seller.warehouse('MAIN').id })).toEqual(desc(ids.iphoneMain!));
    expect(await idsFor({ committed: 'yes' })).toEqual([ids.iphoneMain![0]]);
    expect(await idsFor({ committed: 'no' })).toEqual(desc(all().filter((id) => id !== ids.iphoneMain![0])));
  });

  it('finds an IMEI exactly, by its first digits, or by its last digits', async () => {
    const { db } = database;
    const [device] = await db.select().from(s.devices).where(eq(s.devices.id, ids.pixelOvf![2]!));
    const imei = device!.imei!;
    expect(await idsFor({ q: imei })).toEqual([device!.id]);
    expect(await idsFor({ q: imei.slice(-6) })).toEqual([device!.id]);
    expect(await idsFor({ q: ` ${imei.slice(0, 13)} ` })).toContain(device!.id);
    const byPrefix = await db.select({ id: s.devices.id, imei: s.devices.imei }).from(s.devices).where(inArray(s.devices.id, all()));
    const expected = byPrefix.filter((d) => d.imei?.startsWith(imei.slice(0, 13)) || d.imei?.endsWith(imei.slice(0, 13))).map((d) => d.id);
    expect(await idsFor({ q: imei.slice(0, 13) })).toEqual(desc(expected));
    // A digit string that is neither a start nor an end of any IMEI finds nothing.
    expect(await idsFor({ q: imei.slice(3, 10) })).toEqual([]);
    // Fewer than 10 leading digits are not matched as a start (a TAC is a whole model: use the model filter).
    expect(await idsFor({ q: imei.slice(0, 9) })).toEqual([]);
    expect(await idsFor({ q: imei.slice(0, 10) })).toContain(device!.id);
    // Other filters apply to what the search found.
    expect(await idsFor({ q: imei, statusId: seller.status('Listed').id })).toEqual([device!.id]);
    expect(await idsFor({ q: imei, statusId: seller.status('Available').id })).toEqual([]);
    // Too short to search: the search is ignored rather than scanning everything.
    expect(await idsFor({ q: '12' })).toEqual(desc(all()));
  });

  it('finds a serial number by its start or end, in any case, and treats LIKE wildcards literally', async () => {
    expect(await idsFor({ q: 'tab-77' })).toEqual(ids.serial);
    expect(await idsFor({ q: 'XK9' })).toEqual(ids.serial);
    expect(await idsFor({ q: 'tab-77-xk9' })).toEqual(ids.serial);
    expect(await idsFor({ q: 'T_B' })).toEqual([]);
    expect(await idsFor({ q: 'TA%' })).toEqual([]);
  });

  it("never shows another seller's devices, whatever the filter", async () => {
    const { db } = database;
    const [theirs] = await db.select().from(s.devices).where(eq(s.devices.id, ids.otherSeller![0]!));
    expect(await idsFor({ q: theirs!.imei! })).toEqual([]);
    expect(await idsFor({ productId: theirs!.productId })).toEqual([]);
    expect(await idsFor({ statusId: other.status('Available').id })).toEqual([]);
    expect(await idsFor({ warehouseId: other.warehouse('MAIN').id })).toEqual([]);
  });

  it('says when a search gathers more candidates than the search cap', async () => {
    const { db } = database;
    const sellerId = seller.sellerId;
    // Every IMEI of this seller ends in one of ten digits; with a cap of 1, a one-digit-ending search of 3 characters is broad.
    const [device] = await db.select().from(s.devices).where(eq(s.devices.id, ids.iphoneMain![1]!));
    const broad = { q: device!.imei!.slice(-3) };
    expect((await countMatchingDevices(db, { sellerId, filters: broad })).searchTooBroad).toBe(false);
    await db.insert(s.devices).values({ sellerId, serial: `X${device!.imei!.slice(-3)}`, productId: pixel.id, statusId: seller.status('Scrap').id, warehouseId: seller.warehouse('RC').id });
    expect(await countMatchingDevices(db, { sellerId, filters: broad, searchCap: 1 })).toMatchObject({ searchTooBroad: true });
    expect((await listDevices(db, { sellerId, filters: broad, searchCap: 1 })).rows.length).toBeLessThanOrEqual(2);
    await db.delete(s.devices).where(eq(s.devices.serial, `X${device!.imei!.slice(-3)}`));
  });

  it('pages by keyset: next and previous walk the list without gaps or repeats', async () => {
    const { db } = database;
    const sellerId = seller.sellerId;
    const first = await listDevices(db, { sellerId, filters: {}, pageSize: 4 });
    expect(first.rows.map((r) => r.id)).toEqual(desc(all()).slice(0, 4));
    expect(first.previousBefore).toBeNull();
    const second = await listDevices(db, { sellerId, filters: {}, pageSize: 4, cursor: { after: first.nextAfter! } });
    expect(second.rows.map((r) => r.id)).toEqual(desc(all()).slice(4, 8));
    const third = await listDevices(db, { sellerId, filters: {}, pageSize: 4, cursor: { after: second.nextAfter! } });
    expect(third.rows.map((r) => r.id)).toEqual(desc(all()).slice(8));
    expect(third.nextAfter).toBeNull();
    const back = await listDevices(db, { sellerId, filters: {}, pageSize: 4, cursor: { before: third.previousBefore! } });
    expect(back.rows.map((r) => r.id)).toEqual(desc(all()).slice(4, 8));
    const backToStart = await listDevices(db, { sellerId, filters: {}, pageSize: 4, cursor: { before: back.previousBefore! } });
    expect(backToStart.rows.map((r) => r.id)).toEqual(desc(all()).slice(0, 4));
    expect(backToStart.previousBefore).toBeNull();
  });

  it('orders by received date, latest first, and pages across devices received the same day', async () => {
    const { db } = database;
    const shop = await buildSeller(db);
    const product = await addProduct(db, shop);
    const made = await addDevices(db, shop, product.id, 7);
    const dates = ['2025-03-01', '2025-05-01', '2025-05-01', '2025-01-15', '2025-05-01', '2024-12-31', '2025-03-01'];
    for (const [i, d] of made.entries()) await db.update(s.devices).set({ receivedOn: dates[i]! }).where(eq(s.devices.id, d.id));
    const expected = made
      .map((d, i) => ({ id: d.id, date: dates[i]! }))
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
      .map((d) => d.id);
    const seen: number[] = [];
    let page = await listDevices(db, { sellerId: shop.sellerId, filters: {}, pageSize: 2 });
    seen.push(...page.rows.map((r) => r.id));
    while (page.nextAfter) {
      page = await listDevices(db, { sellerId: shop.sellerId, filters: {}, pageSize: 2, cursor: { after: page.nextAfter } });
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(expected);
    // The same order through the search path (candidates), and backwards from the last page.
    const searched = await listDevices(db, { sellerId: shop.sellerId, filters: { q: made[2]!.imei!.slice(0, 10) }, pageSize: 10 });
    expect(searched.rows.map((r) => r.id)).toEqual(expected.filter((id) => searched.rows.some((r) => r.id === id)));
    const back = await listDevices(db, { sellerId: shop.sellerId, filters: {}, pageSize: 2, cursor: { before: page.previousBefore! } });
    expect(back.rows.map((r) => r.id)).toEqual(expected.slice(4, 6));
  });

  it('counts matching devices exactly up to a cap, then says "more than"', async () => {
    const { db } = database;
    const sellerId = seller.sellerId;
    expect(await countMatchingDevices(db, { sellerId, filters: {} })).toEqual({ count: all().length, capped: false, searchTooBroad: false });
    expect(await countMatchingDevices(db, { sellerId, filters: { model: 'Pixel 8' }, cap: 3 })).toEqual({ count: 3, capped: true, searchTooBroad: false });
    expect(await countMatchingDevices(db, { sellerId, filters: { model: 'Pixel 8' }, cap: 5 })).toEqual({ count: 5, capped: false, searchTooBroad: false });
    const [device] = await db.select().from(s.devices).where(eq(s.devices.id, ids.pixelOvf![0]!));
    expect(await countMatchingDevices(db, { sellerId, filters: { q: device!.imei! } })).toEqual({ count: 1, capped: false, searchTooBroad: false });
    expect(await countMatchingDevices(db, { sellerId, filters: { q: device!.imei!.slice(-4), model: 'iPhone 13' } })).toMatchObject({ count: 0 });
  });
});
