import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { listOrders } from '@/db/queries/orders/list-orders';
import { createStaffOrder } from '@/db/queries/orders/create-order';
import { addOrderLine, updateOrderLine } from '@/db/queries/orders/edit-order-lines';
import { applyPriceUpdate, previewPriceUpdate } from '@/db/queries/products/price-update';
import { createProduct } from '@/db/queries/products/save-product';
import { Refusal } from '@/lib/refusal';
import type { StaffActor } from '@/db/queries/audit';
import { checkoutSchema } from '@/lib/validation/checkout';
import { productFieldsSchema } from '@/lib/validation/products';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, checkoutKey, setPortalSettings } from '../support/portal-fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { outcomeOf } from '../support/inventory-fixtures';

/**
 * Money past 2^31 - 1 minor units (F13): totals and amounts are bigint, typed
 * amounts are bounded with a message, and no total passes what a JavaScript
 * number counts exactly. On both databases.
 */
describe('money limits', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  async function rejection(promise: Promise<unknown>): Promise<Refusal> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  }

  const ordersOfSeller = async (sellerId: number) =>
    (await database.db.select().from(s.salesOrders).where(eq(s.salesOrders.sellerId, sellerId))).length;

  it('checks out 10,738 × 2,000.00 with auto invoice: the invoice says 21,476,000.00', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { autoInvoice: true });
    const buyer = await addBuyer(db, seller);
    const phone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 15 Pro', listPrice: 200_000 });
    await addDevices(db, seller, phone.id, 10_738);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: phone.id, quantity: 10_738 }));

    const placed = await placeOrder(db, {
      ...buyer.scope,
      ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Wire transfer').id, idempotencyKey: checkoutKey() }),
    });
    expect(placed.invoiceId).not.toBeNull();
    const expected = 10_738 * 200_000;
    expect(expected).toBeGreaterThan(2 ** 31 - 1);

    const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.id, placed.invoiceId!));
    expect(invoice!.total).toBe(expected);
    const [line] = await db.select().from(s.invoiceLines).where(eq(s.invoiceLines.invoiceId, placed.invoiceId!));
    expect(line).toMatchObject({ quantity: 10_738, unitPrice: 200_000, amount: expected });
    const [mail] = await db.select().from(s.emailMessages).where(and(eq(s.emailMessages.sellerId, seller.sellerId), eq(s.emailMessages.kind, 'invoice')));
    expect(mail!.text).toContain('$21,476,000.00');

    // Every place that reads or sums it answers the same JavaScript number.
    const document = await findCustomerInvoice(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, orderNumber: placed.number, invoiceNumber: invoice!.number });
    expect(document!.total).toBe(expected);
    expect(document!.lines[0]!.amount).toBe(expected);
    const history = await listCustomerOrders(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, page: 1, pageSize: 10 });
    expect(history.rows[0]!.total).toBe(expected);
    const staffList = await listOrders(db, { sellerId: seller.sellerId, page: 1, pageSize: 10 });
    expect(staffList.rows.find((o) => o.number === placed.number)!.total).toBe(expected);
    const orgOrders = await listOrders(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, page: 1, pageSize: 10 });
    expect(orgOrders.rows[0]!.total).toBe(expected);
  });

  it('refuses a unit price above 99,999,999.99 by name, and writes nothing', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const before = await ordersOfSeller(seller.sellerId);
    const error = await rejection(
      createStaffOrder(db, {
        sellerId: seller.sellerId,
        actor,
        organizationId: org.id,
        statusId: seller.orderStatus('Confirmed').id,
        channelId: seller.channel('Phone').id,
        paymentMethodId: null,
        lines: [{ productId: product.id, quantity: 1, unitPrice: '100,000,000.00' }],
      }),
    );
    expect(error.fieldErrors!['lines.0.unitPrice']).toEqual(['The unit price is too large. Amounts are at most $99,999,999.99.']);
    expect(await ordersOfSeller(seller.sellerId)).toBe(before);
    // The largest price itself is taken.
    const taken = await createStaffOrder(db, {
      sellerId: seller.sellerId,
      actor,
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: null,
      lines: [{ productId: product.id, quantity: 2, unitPrice: '99,999,999.99' }],
    });
    const [line] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.orderId, taken.id));
    expect(line!.unitPrice).toBe(9_999_999_999);
  });

  it('refuses an order whose total would pass 2^53 - 1 minor units, and writes nothing', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const products = await Promise.all(Array.from({ length: 10 }, () => addProduct(db, seller)));
    const before = await ordersOfSeller(seller.sellerId);
    const base = {
      sellerId: seller.sellerId,
      actor,
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: null,
    };
    const error = await rejection(
      createStaffOrder(db, { ...base, lines: products.map((p) => ({ productId: p.id, quantity: 100_000, unitPrice: '99999999.99' })) }),
    );
    expect(error.message).toMatch(/^The total would be above \$90,071,992,547,409\.91, the most one order or invoice can hold/);
    expect(await ordersOfSeller(seller.sellerId)).toBe(before);

    // Growing an order past it line by line is refused the same way, and the line stays as it was.
    const order = await createStaffOrder(db, { ...base, lines: products.slice(0, 9).map((p) => ({ productId: p.id, quantity: 100_000, unitPrice: '99999999.99' })) });
    const grow = await rejection(
      addOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, actor, productId: products[9]!.id, quantity: 100_000, unitPrice: '99999999.99' }),
    );
    expect(grow.message).toMatch(/^The total would be above/);
    const lines = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.orderId, order.id));
    expect(lines).toHaveLength(9);
    const small = await addOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, actor, productId: products[9]!.id, quantity: 1, unitPrice: '1.00' });
    await rejection(updateOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, actor, lineId: small.id, quantity: 100_000, unitPrice: '99999999.99' }));
    const [kept] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.id, small.id));
    expect(kept).toMatchObject({ quantity: 1, unitPrice: 100 });
  });

  it('refuses a list price above the limit with a message, and stores the largest one', async () => {
    const { db } = database;
    const fields = (listPrice: string) => productFieldsSchema.parse({ sku: `BIG-${listPrice.length}-${Math.random()}`.slice(0, 30), manufacturer: 'Apple', model: 'iPhone', listPrice });
    const refused = await outcomeOf(createProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', fields: fields('123456789') }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.listPrice).toEqual(['Amounts are at most $99,999,999.99.']);
    const taken = await outcomeOf(createProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', fields: fields('99999999.99') }));
    expect(taken.ok && taken.product.listPrice).toBe(9_999_999_999);
  });

  it('reads the price file of a EUR seller with comma decimals, and refuses prices above the limit by row', async () => {
    const { db } = database;
    const bolt = await buildSeller(db, { currency: 'EUR' });
    const boltActor = await addStaffActor(db, bolt);
    const a = await addProduct(db, bolt, { sku: 'EU-A', listPrice: 10_000 });
    const b = await addProduct(db, bolt, { sku: 'EU-B', listPrice: 10_000 });
    const c = await addProduct(db, bolt, { sku: 'EU-C', listPrice: 10_000 });
    const rows = [
      { row: 2, sku: 'EU-A', listPrice: '12,50' },
      { row: 3, sku: 'EU-B', listPrice: '1.234,56' },
      { row: 4, sku: 'EU-C', listPrice: '349,00 €' },
    ];
    const preview = await previewPriceUpdate(db, { sellerId: bolt.sellerId, currency: 'EUR', rows });
    expect(preview.problems).toEqual([]);
    expect(preview.changes.map((ch) => ch.to)).toEqual([1_250, 123_456, 34_900]);

    const refused = await outcomeOf(applyPriceUpdate(db, {
      sellerId: bolt.sellerId,
      actor: boltActor,
      currency: 'EUR',
      rows: [...rows, { row: 5, sku: 'EU-A', listPrice: '100.000.000,00' }].slice(1),
    }));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems).toEqual([{ line: 5, value: 'EU-A', reason: '"100.000.000,00" is too large: prices are at most €99,999,999.99' }]);
    const prices = async () => (await db.select().from(s.products).where(eq(s.products.sellerId, bolt.sellerId)).orderBy(s.products.id)).map((p) => p.listPrice);
    expect(await prices()).toEqual([10_000, 10_000, 10_000]);

    const applied = await outcomeOf(applyPriceUpdate(db, { sellerId: bolt.sellerId, actor: boltActor, currency: 'EUR', rows }));
    expect(applied.ok).toBe(true);
    expect(await prices()).toEqual([1_250, 123_456, 34_900]);
    expect([a.id, b.id, c.id]).toHaveLength(3);
  });
});
