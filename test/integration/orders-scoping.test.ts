import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findProductsForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { devicesToPick } from '@/db/queries/orders/devices-to-pick';
import { orderFormOptions } from '@/db/queries/orders/order-form-options';
import { rmaFormOptions } from '@/db/queries/rmas/rma-form-options';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, commitDirectly } from '../support/orders-fixtures';

/** The read helpers of the order and RMA pages answer only the asking seller's rows. */
describe('order and RMA helpers stay within one seller', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  it('finds products by SKU prefix or model words, exact SKU first, then the most available, never another seller\'s', async () => {
    const { db } = database;
    const few = await addProduct(db, seller, { sku: 'ZQ-IP14-A', model: 'Zephyr 14' });
    const many = await addProduct(db, seller, { sku: 'ZQ-IP14-B', model: 'Zephyr 14' });
    const exact = await addProduct(db, seller, { sku: 'ZQ', model: 'Zephyr 99' });
    await addDevices(db, seller, few.id, 1);
    await addDevices(db, seller, many.id, 4);
    await addProduct(db, other, { sku: 'ZQ-IP14-C', model: 'Zephyr 14' });
    const bySku = await findProductsForOrderLine(db, { sellerId: seller.sellerId, query: 'zq' });
    expect(bySku.map((p) => p.id)).toEqual([exact.id, many.id, few.id]);
    expect(bySku.map((p) => p.available)).toEqual([0, 4, 1]);
    const byModel = await findProductsForOrderLine(db, { sellerId: seller.sellerId, query: 'Apple Zephyr 14' });
    expect(byModel.map((p) => p.id)).toEqual([many.id, few.id]);
    // Typed wildcards are literal text, not "match everything".
    expect(await findProductsForOrderLine(db, { sellerId: seller.sellerId, query: '%' })).toEqual([]);
  });

  it('offers For Sale, uncommitted devices of the seller only, oldest first', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const [committed, ...stock] = await addDevices(db, seller, product.id, 4);
    await addDevices(db, seller, product.id, 2, { status: 'In Repair' });
    await addDevices(db, seller, product.id, 2, { warehouse: 'RC' });
    const org = await addOrganization(db, seller);
    const { lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    await commitDirectly(db, lines[0]!.id, [committed!.id]);
    const picks = await devicesToPick(db, { sellerId: seller.sellerId, productIds: [product.id] });
    expect(picks.get(product.id)!.map((p) => p.imei)).toEqual(stock.map((d) => d.imei));

    const foreign = await addProduct(db, other);
    await addDevices(db, other, foreign.id, 3);
    const asked = await devicesToPick(db, { sellerId: seller.sellerId, productIds: [foreign.id] });
    expect(asked.get(foreign.id)).toBeUndefined();
  });

  it('lists form choices of the seller only', async () => {
    const { db } = database;
    await addOrganization(db, seller, 'Mine Ltd');
    await addOrganization(db, other, 'Theirs Ltd');
    const orderOptions = await orderFormOptions(db, { sellerId: seller.sellerId });
    expect(orderOptions.organizations.map((o) => o.name)).toContain('Mine Ltd');
    expect(orderOptions.organizations.map((o) => o.name)).not.toContain('Theirs Ltd');
    expect(orderOptions.statuses.map((s) => s.id)).toEqual(seller.orderStatuses.map((s) => s.id));
    expect(orderOptions.channels.every((c) => seller.channels.some((x) => x.id === c.id))).toBe(true);
    expect(orderOptions.paymentMethods.every((m) => seller.paymentMethods.some((x) => x.id === m.id))).toBe(true);
    const rmaOptions = await rmaFormOptions(db, { sellerId: seller.sellerId });
    expect(rmaOptions.organizations.map((o) => o.name)).not.toContain('Theirs Ltd');
    expect(rmaOptions.warehouses.map((w) => w.id).sort()).toEqual(seller.warehouses.map((w) => w.id).sort());
    expect(rmaOptions.inventoryStatuses.map((s) => s.id)).toEqual(seller.statuses.map((s) => s.id));
  });
});
