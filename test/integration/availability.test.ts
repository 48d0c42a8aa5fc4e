import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import {
  addDevices,
  addOrganization,
  addProduct,
  availableQuantity,
  buildSeller,
  countedAvailableQuantity,
  type SellerFixture,
} from '../support/fixtures';

/** The availability rows kept by triggers must always equal a count over the devices. */
describe('product availability', () => {
  let database: TestDatabase;
  let seller: SellerFixture;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  it('counts devices in chosen statuses and warehouses that are not committed', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    await addDevices(db, seller, product.id, 3);
    await addDevices(db, seller, product.id, 2, { status: 'Listed', warehouse: 'OVF' });
    await addDevices(db, seller, product.id, 4, { status: 'In Repair' });
    await addDevices(db, seller, product.id, 5, { warehouse: 'RC' });
    expect(await availableQuantity(db, product.id)).toBe(5);
    expect(await countedAvailableQuantity(db, product.id)).toBe(5);
  });

  it('follows status and warehouse moves, commits and deletes', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 6);
    const ids = devices.map((d) => d.id);
    await db.update(s.devices).set({ statusId: seller.status('Sold').id }).where(inArray(s.devices.id, ids.slice(0, 2)));
    expect(await availableQuantity(db, product.id)).toBe(4);
    await db.update(s.devices).set({ warehouseId: seller.warehouse('RC').id }).where(eq(s.devices.id, ids[2]!));
    expect(await availableQuantity(db, product.id)).toBe(3);
    // Moving between two chosen places changes nothing.
    await db.update(s.devices).set({ warehouseId: seller.warehouse('OVF').id }).where(eq(s.devices.id, ids[3]!));
    expect(await availableQuantity(db, product.id)).toBe(3);

    const org = await addOrganization(db, seller);
    const [order] = await db
      .insert(s.salesOrders)
      .values({ sellerId: seller.sellerId, number: 1, organizationId: org.id, statusId: seller.orderStatus('Confirmed').id, channelId: seller.channel('Phone').id })
      .returning();
    const [line] = await db
      .insert(s.salesOrderLines)
      .values({ sellerId: seller.sellerId, orderId: order!.id, productId: product.id, quantity: 1, unitPrice: 100 })
      .returning();
    await db.update(s.devices).set({ orderLineId: line!.id }).where(eq(s.devices.id, ids[4]!));
    expect(await availableQuantity(db, product.id)).toBe(2);
    await db.update(s.devices).set({ orderLineId: null }).where(eq(s.devices.id, ids[4]!));
    expect(await availableQuantity(db, product.id)).toBe(3);
    await db.delete(s.devices).where(eq(s.devices.id, ids[5]!));
    expect(await availableQuantity(db, product.id)).toBe(2);
    expect(await countedAvailableQuantity(db, product.id)).toBe(2);
  });

  it('is rebuilt when the chosen statuses or warehouses change', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    await addDevices(db, seller, product.id, 2);
    await addDevices(db, seller, product.id, 3, { status: 'Received' });
    await addDevices(db, seller, product.id, 4, { warehouse: 'RC' });
    expect(await availableQuantity(db, product.id)).toBe(2);

    await db.insert(s.portalForSaleStatuses).values({ sellerId: seller.sellerId, statusId: seller.status('Received').id });
    expect(await availableQuantity(db, product.id)).toBe(5);
    await db.insert(s.portalForSaleWarehouses).values({ sellerId: seller.sellerId, warehouseId: seller.warehouse('RC').id });
    expect(await availableQuantity(db, product.id)).toBe(9);
    await db
      .delete(s.portalForSaleStatuses)
      .where(and(eq(s.portalForSaleStatuses.sellerId, seller.sellerId), eq(s.portalForSaleStatuses.statusId, seller.status('Received').id)));
    await db
      .delete(s.portalForSaleWarehouses)
      .where(and(eq(s.portalForSaleWarehouses.sellerId, seller.sellerId), eq(s.portalForSaleWarehouses.warehouseId, seller.warehouse('RC').id)));
    expect(await availableQuantity(db, product.id)).toBe(2);
    expect(await countedAvailableQuantity(db, product.id)).toBe(2);
  });

  it("never mixes sellers: another seller's settings do not count this seller's devices", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const product = await addProduct(db, other);
    await addDevices(db, other, product.id, 2, { status: 'Received' });
    // The first seller chooses "Received" of its own; the other seller's Received devices stay out.
    await db.insert(s.portalForSaleStatuses).values({ sellerId: seller.sellerId, statusId: seller.status('Received').id });
    expect(await availableQuantity(db, product.id)).toBe(0);
  });

  it('refuses a device whose product belongs to another seller', async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const foreignProduct = await addProduct(db, other);
    await expect(addDevices(db, seller, foreignProduct.id, 1)).rejects.toThrow();
  });
});
