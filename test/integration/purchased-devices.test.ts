import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  listPurchasedDevices,
  purchasedDeviceFilterOptions,
  purchasedDevicesForExport,
} from '@/db/queries/portal/devices/list-purchased-devices';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, buildSeller, type SellerFixture } from '../support/fixtures';
import { addPurchase, addRma, daysAgo } from '../support/history-fixtures';

describe('purchased devices and orders of one organization', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let scope: { sellerId: number; organizationId: number };
  let purchases: Awaited<ReturnType<typeof addPurchase>>[];
  let cancelled: Awaited<ReturnType<typeof addPurchase>>;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    const { db } = database;
    seller = await buildSeller(db);
    const org = await addOrganization(db, seller);
    scope = { sellerId: seller.sellerId, organizationId: org.id };
    purchases = [
      await addPurchase(db, seller, org.id, { count: 3, createdAt: daysAgo(30), product: { manufacturer: 'Apple', model: 'iPhone 12', grade: 'B' } }),
      await addPurchase(db, seller, org.id, { count: 2, createdAt: daysAgo(20), status: 'Confirmed', product: { manufacturer: 'Samsung', model: 'Galaxy S21', grade: 'A' } }),
      await addPurchase(db, seller, org.id, { count: 4, createdAt: daysAgo(10), product: { manufacturer: 'Apple', model: 'iPhone 13', grade: 'A' } }),
    ];
    cancelled = await addPurchase(db, seller, org.id, { count: 2, createdAt: daysAgo(5), status: 'Cancelled', product: { manufacturer: 'Google', model: 'Pixel 7' } });
    await addRma(db, seller, { organizationId: org.id, status: 'received', lines: [{ deviceId: purchases[0]!.devices[0]!.id }] });
  });
  afterAll(() => database.close());

  const page = (filters: Record<string, string | number> = {}) =>
    listPurchasedDevices(database.db, { ...scope, page: 1, pageSize: 50, ...filters });

  it('lists devices of non-cancelled orders, newest order first, with product, order and open RMA', async () => {
    const { rows, total } = await page();
    expect(total).toBe(9);
    const expected = [purchases[2]!, purchases[1]!, purchases[0]!].flatMap((p) =>
      [...p.devices].sort((a, b) => b.id - a.id).map((d) => [d.imei, p.order.number]),
    );
    expect(rows.map((r) => [r.imei, r.orderNumber])).toEqual(expected);
    for (const d of cancelled.devices) expect(rows.map((r) => r.imei)).not.toContain(d.imei);
    const inRma = rows.find((r) => r.imei === purchases[0]!.devices[0]!.imei)!;
    expect(inRma.openRmaNumber).not.toBeNull();
    expect(rows.filter((r) => r.openRmaNumber !== null)).toHaveLength(1);
    expect(rows[0]).toMatchObject({ manufacturer: 'Apple', model: 'iPhone 13', grade: 'A' });
  });

  it('finds a device by any part of its IMEI', async () => {
    const target = purchases[1]!.devices[1]!.imei!;
    for (const part of [target, target.slice(-6), target.slice(3, 9), target.slice(0, 8)]) {
      const { rows } = await page({ search: part });
      expect(rows.map((r) => r.imei), part).toContain(target);
      for (const r of rows) expect(r.imei).toContain(part);
    }
    const cancelledImei = cancelled.devices[0]!.imei!;
    expect((await page({ search: cancelledImei })).total).toBe(0);
    // LIKE wildcards typed by the user match themselves, not everything.
    expect((await page({ search: '%' })).total).toBe(0);
    expect((await page({ search: '_' })).total).toBe(0);
  });

  it('filters by product attributes, alone and with a search', async () => {
    expect((await page({ manufacturer: 'Apple' })).total).toBe(7);
    expect((await page({ manufacturer: 'Apple', grade: 'A' })).rows.map((r) => r.model)).toEqual(Array(4).fill('iPhone 13'));
    expect((await page({ manufacturer: 'Google' })).total).toBe(0);
    const imei = purchases[0]!.devices[2]!.imei!;
    expect((await page({ model: 'iPhone 12', search: imei.slice(-5) })).rows.map((r) => r.imei)).toEqual([imei]);
    expect((await page({ model: 'iPhone 13', search: imei })).total).toBe(0);
  });

  it('offers filter values only from what the organization bought (not cancelled)', async () => {
    const options = await purchasedDeviceFilterOptions(database.db, scope);
    expect(options.manufacturer).toEqual(['Apple', 'Samsung']);
    expect(options.model).toEqual(['Galaxy S21', 'iPhone 12', 'iPhone 13']);
    expect(options.grade).toEqual(['A', 'B']);
  });

  it('pages in the database: pages join up without gaps or repeats, and the CSV export has them all', async () => {
    const seen: string[] = [];
    for (let p = 1; p <= 3; p++) {
      const { rows, total } = await listPurchasedDevices(database.db, { ...scope, page: p, pageSize: 4 });
      expect(total).toBe(9);
      seen.push(...rows.map((r) => r.imei!));
    }
    expect(seen).toEqual((await page()).rows.map((r) => r.imei));
    expect((await listPurchasedDevices(database.db, { ...scope, page: 4, pageSize: 4 })).rows).toEqual([]);
    const exported: string[] = [];
    for await (const batch of purchasedDevicesForExport(database.db, { ...scope, ordersPerBatch: 1 })) exported.push(...batch.map((d) => d.imei!));
    expect(exported).toEqual(seen);
    const filtered: string[] = [];
    for await (const batch of purchasedDevicesForExport(database.db, { ...scope, manufacturer: 'Samsung' })) filtered.push(...batch.map((d) => d.imei!));
    expect(filtered.sort()).toEqual(purchases[1]!.devices.map((d) => d.imei!).sort());
  });

  it('with many matches, a filtered page walks orders newest first and agrees with the sorted result', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const big = { sellerId: seller.sellerId, organizationId: org.id };
    const older = await addPurchase(db, seller, org.id, { count: 1200, createdAt: daysAgo(9), product: { manufacturer: 'Apple', model: 'Bulk' } });
    const newer = await addPurchase(db, seller, org.id, { count: 1200, createdAt: daysAgo(8), product: { manufacturer: 'Apple', model: 'Bulk 2' } });
    // 2,400 matches: above the sorted-page limit, so the walk answers.
    const first = await listPurchasedDevices(db, { ...big, manufacturer: 'Apple', page: 1, pageSize: 50 });
    expect(first.total).toBe(2400);
    const newestIds = [...newer.devices].sort((a, b) => b.id - a.id).map((d) => d.imei);
    expect(first.rows.map((r) => r.imei)).toEqual(newestIds.slice(0, 50));
    const last = await listPurchasedDevices(db, { ...big, manufacturer: 'Apple', page: 48, pageSize: 50 });
    const oldestIds = [...older.devices].sort((a, b) => b.id - a.id).map((d) => d.imei);
    expect(last.rows.map((r) => r.imei)).toEqual(oldestIds.slice(-50));
    // A search with few matches answers from the sorted matches.
    const part = older.devices[7]!.imei!;
    expect((await listPurchasedDevices(db, { ...big, search: part, page: 1, pageSize: 50 })).rows.map((r) => r.imei)).toEqual([part]);
  });

  it('lists orders newest first with totals, item counts and statuses, filtered by status and date', async () => {
    const { db } = database;
    const all = await listCustomerOrders(db, { ...scope, page: 1, pageSize: 25 });
    expect(all.rows.map((o) => o.number)).toEqual([cancelled, ...[...purchases].reverse()].map((p) => p.order.number));
    expect(all.rows[1]).toMatchObject({ items: 4, total: 40000, hasUnpriced: false, statusName: 'Shipped', statusColor: '#16a34a', channelName: 'Phone' });
    const confirmed = await listCustomerOrders(db, { ...scope, statusId: seller.orderStatus('Confirmed').id, page: 1, pageSize: 25 });
    expect(confirmed.rows.map((o) => o.number)).toEqual([purchases[1]!.order.number]);
    const day = purchases[1]!.order.createdAt.toISOString().slice(0, 10); // dates filter in UTC
    const sinceTwenty = await listCustomerOrders(db, { ...scope, from: day, page: 1, pageSize: 25 });
    expect(sinceTwenty.total).toBe(3);
    const upToTwenty = await listCustomerOrders(db, { ...scope, to: day, page: 1, pageSize: 25 });
    expect(upToTwenty.rows.map((o) => o.number)).toEqual([purchases[1]!.order.number, purchases[0]!.order.number]);
    const second = await listCustomerOrders(db, { ...scope, page: 2, pageSize: 3 });
    expect(second.rows.map((o) => o.number)).toEqual([purchases[0]!.order.number]);
    expect(second.total).toBe(4);
  });
});
