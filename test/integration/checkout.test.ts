import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart } from '@/db/queries/cart';
import { checkoutReadiness, orderingReadySql, placeOrder, type CheckoutRefusal } from '@/db/queries/checkout';
import { queryRows } from '@/db/rows';
import { orderConfirmation } from '@/db/queries/portal/orders/order-confirmation';
import { Refusal } from '@/lib/refusal';
import { checkoutSchema } from '@/lib/validation/checkout';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import {
  addBuyer,
  cartOf,
  checkoutKey,
  linesOf,
  ordersOf,
  setOfferedPaymentMethods,
  setPortalSettings,
  staffCommitDevices,
} from '../support/portal-fixtures';

type Buyer = Awaited<ReturnType<typeof addBuyer>>;

describe('checkout', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  async function buyerWithCart(lines: { available: number; quantity: number; values?: Parameters<typeof addProduct>[2] }[]) {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const items = [];
    for (const line of lines) {
      const product = await addProduct(db, seller, line.values);
      const devices = await addDevices(db, seller, product.id, line.available);
      await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity: line.quantity }));
      items.push({ product, devices });
    }
    return { buyer, items };
  }

  const checkout = (buyer: Buyer, input: Partial<Record<string, unknown>> = {}) =>
    placeOrder(database.db, {
      ...buyer.scope,
      ...checkoutSchema.parse({
        paymentMethodId: seller.paymentMethod('Net 30').id,
        idempotencyKey: checkoutKey(),
        ...input,
      }),
    });

  const orderCount = async () =>
    (await database.db.select({ n: count() }).from(s.salesOrders).where(eq(s.salesOrders.sellerId, seller.sellerId)))[0]!.n;

  it('creates one order with the configured status and channel, server prices, PO number and notes, and empties the cart', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { autoInvoice: false });
    const { buyer, items } = await buyerWithCart([
      { available: 5, quantity: 3, values: { listPrice: 40_000 } },
      { available: 2, quantity: 2, values: { listPrice: null, model: 'Pixel 8' } },
    ]);
    // The price changes after the product went into the cart: the order takes the current one.
    await db.update(s.products).set({ listPrice: 38_500 }).where(eq(s.products.id, items[0]!.product.id));

    const result = await checkout(buyer, { poNumber: '  PO-7781 ', notes: 'Deliver to dock 4', paymentMethodId: String(seller.paymentMethod('Wire transfer').id) });
    expect(result).toMatchObject({ alreadyPlaced: false, invoiceId: null });

    const [order] = await ordersOf(db, seller, buyer.organization.id);
    expect(order).toMatchObject({
      number: result.number,
      statusId: seller.orderStatus('Awaiting Confirmation').id,
      channelId: seller.channel('B2B Portal').id,
      paymentMethodId: seller.paymentMethod('Wire transfer').id,
      poNumber: 'PO-7781',
      notes: 'Deliver to dock 4',
      placedByAccountId: buyer.account.id,
      placedByStaffId: null,
    });
    expect((await linesOf(db, order!.id)).map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([
      [items[0]!.product.id, 3, 38_500],
      [items[1]!.product.id, 2, null], // to be quoted
    ]);
    expect(await cartOf(db, buyer.account.id)).toEqual([]);
    // A draft order commits no device: availability is unchanged.
    const [availability] = await db.select().from(s.productAvailability).where(eq(s.productAvailability.productId, items[0]!.product.id));
    expect(availability!.quantity).toBe(5);

    const confirmation = await orderConfirmation(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, number: result.number });
    expect(confirmation).toMatchObject({ poNumber: 'PO-7781', statusName: 'Awaiting Confirmation', paymentMethodName: 'Wire transfer', invoice: null });
    expect(confirmation!.lines).toHaveLength(2);
    // Another organization of the same seller cannot read it.
    const stranger = await addBuyer(db, seller);
    expect(await orderConfirmation(db, { sellerId: seller.sellerId, organizationId: stranger.organization.id, number: result.number })).toBeNull();
  });

  it('numbers orders per seller in sequence', async () => {
    const { buyer: first } = await buyerWithCart([{ available: 1, quantity: 1 }]);
    const { buyer: second } = await buyerWithCart([{ available: 1, quantity: 1 }]);
    const a = await checkout(first);
    const b = await checkout(second);
    expect(b.number).toBe(a.number + 1);
  });

  it('takes nothing about products or prices from the browser', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { autoInvoice: false });
    const { buyer, items } = await buyerWithCart([{ available: 4, quantity: 2, values: { listPrice: 55_500 } }]);
    const other = await buildSeller(db);
    const foreign = await addProduct(db, other, { listPrice: 1 });
    await addDevices(db, other, foreign.id, 3);
    const tampered = {
      paymentMethodId: seller.paymentMethod('Net 30').id,
      idempotencyKey: checkoutKey(),
      unitPrice: 1,
      lines: [{ productId: foreign.id, quantity: 3, unitPrice: 1 }],
      sellerId: other.sellerId,
      organizationId: 999_999,
    };
    const parsed = checkoutSchema.parse(tampered);
    // The ship-to address id is the one id checkout takes from the browser; placeOrder checks it belongs to the organization.
    expect(Object.keys(parsed).sort()).toEqual(['idempotencyKey', 'notes', 'paymentMethodId', 'poNumber', 'shipToAddressId']);
    const result = await placeOrder(db, { ...tampered, ...parsed, ...buyer.scope });
    const [order] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, result.orderId));
    expect(order!.organizationId).toBe(buyer.organization.id);
    expect((await linesOf(db, result.orderId)).map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([
      [items[0]!.product.id, 2, 55_500],
    ]);
    // And another seller's product can never sit in this seller's cart.
    await expect(
      db.insert(s.cartLines).values({ sellerId: seller.sellerId, portalAccountId: buyer.account.id, productId: foreign.id, quantity: 1 }),
    ).rejects.toThrow();
  });

  it('refuses a payment method that is not offered, writing nothing', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([{ available: 3, quantity: 1 }]);
    const other = await buildSeller(db);
    const before = await orderCount();
    for (const paymentMethodId of [seller.paymentMethod('Credit card on file').id, other.paymentMethod('Net 30').id]) {
      const refusal = await checkout(buyer, { paymentMethodId }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(Refusal);
      expect((refusal as CheckoutRefusal).code).toBe('payment_method');
    }
    expect(checkoutSchema.safeParse({ idempotencyKey: checkoutKey() }).error?.issues[0]?.message).toBe('Choose a payment method.');
    expect(await orderCount()).toBe(before);
    expect(await cartOf(db, buyer.account.id)).toHaveLength(1);
  });

  it('says ordering is unavailable while a payment method, the initial status or the channel is missing; the cart keeps working', async () => {
    const { db } = database;
    const { buyer, items } = await buyerWithCart([{ available: 3, quantity: 1 }]);
    const before = await orderCount();
    // For Sale's one-boolean form of the same rule (selected with its catalog version) must agree in every state.
    const readyInSql = async () =>
      (await queryRows<{ ready: boolean }>(db, sql`select ${orderingReadySql(seller.sellerId)} as ready`))[0]!.ready;
    expect(await readyInSql()).toBe(true);
    const broken: [string, () => Promise<void>, () => Promise<void>][] = [
      ['payment method', () => setOfferedPaymentMethods(db, seller, []), () => setOfferedPaymentMethods(db, seller, ['Wire transfer', 'Net 30'])],
      ['initial order status', () => setPortalSettings(db, seller, { initialOrderStatusId: null }), () => setPortalSettings(db, seller, { initialOrderStatusId: seller.orderStatus('Awaiting Confirmation').id })],
      ['sales channel', () => setPortalSettings(db, seller, { salesChannelId: null }), () => setPortalSettings(db, seller, { salesChannelId: seller.channel('B2B Portal').id })],
    ];
    for (const [missing, breakIt, repair] of broken) {
      await breakIt();
      try {
        const readiness = await checkoutReadiness(db, { sellerId: seller.sellerId });
        expect(readiness).toMatchObject({ ready: false, missing: [missing] });
        expect(await readyInSql()).toBe(false);
        const refusal = await checkout(buyer).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(Refusal);
        expect((refusal as CheckoutRefusal).code).toBe('not_ready');
        expect((refusal as Error).message).toBe('Ordering through the portal is not available yet. Your cart is saved.');
        // The cart still works.
        const change = await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: items[0]!.product.id, quantity: 1 }));
        expect(change.quantity).toBe(2);
        await db.update(s.cartLines).set({ quantity: 1 }).where(eq(s.cartLines.portalAccountId, buyer.account.id));
      } finally {
        await repair();
      }
    }
    expect(await orderCount()).toBe(before);
    expect((await checkoutReadiness(db, { sellerId: seller.sellerId })).ready).toBe(true);
    expect(await readyInSql()).toBe(true);
    // A closed portal takes no orders either.
    await setPortalSettings(db, seller, { enabled: false });
    try {
      expect((await checkoutReadiness(db, { sellerId: seller.sellerId })).ready).toBe(false);
      expect(await readyInSql()).toBe(false);
    } finally {
      await setPortalSettings(db, seller, { enabled: true });
    }
    expect((await checkout(buyer)).alreadyPlaced).toBe(false);
  });

  it('refuses an empty cart', async () => {
    const buyer = await addBuyer(database.db, seller);
    await expect(checkout(buyer)).rejects.toThrow('Your cart is empty.');
  });

  it('places one order for the same key submitted twice, and refuses the key from another account', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([{ available: 3, quantity: 2 }]);
    const idempotencyKey = checkoutKey();
    const first = await checkout(buyer, { idempotencyKey });
    // The retry comes after the cart was emptied, even after something new went into it.
    const product = await addProduct(db, seller);
    await addDevices(db, seller, product.id, 1);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity: 1 }));
    const second = await checkout(buyer, { idempotencyKey });
    expect(second).toEqual({ ...first, alreadyPlaced: true });
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(1);
    expect(await cartOf(db, buyer.account.id)).toHaveLength(1); // the new line stays for the next order

    const { buyer: intruder } = await buyerWithCart([{ available: 1, quantity: 1 }]);
    const refusal = await checkout(intruder, { idempotencyKey }).catch((e: unknown) => e);
    expect((refusal as CheckoutRefusal).code).toBe('key_taken');
    expect(await ordersOf(db, seller, intruder.organization.id)).toHaveLength(0);
  });

  it('makes one order from two concurrent submissions with the same key', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([{ available: 5, quantity: 5 }]);
    const idempotencyKey = checkoutKey();
    const results = await Promise.all([checkout(buyer, { idempotencyKey }), checkout(buyer, { idempotencyKey }), checkout(buyer, { idempotencyKey })]);
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.alreadyPlaced)).toHaveLength(1);
    const orders = await ordersOf(db, seller, buyer.organization.id);
    expect(orders).toHaveLength(1);
    expect(await linesOf(db, orders[0]!.id)).toHaveLength(1);
  });

  it('makes one order from two tabs checking out the same cart with different keys', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart([{ available: 5, quantity: 2 }]);
    const results = await Promise.allSettled([checkout(buyer), checkout(buyer)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(Refusal);
    expect((rejected.reason as CheckoutRefusal).code).toBe('empty');
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(1);
  });

  it('lets only one of two accounts racing with one key place an order', async () => {
    const { db } = database;
    const { buyer: a } = await buyerWithCart([{ available: 2, quantity: 1 }]);
    const { buyer: b } = await buyerWithCart([{ available: 2, quantity: 1 }]);
    const idempotencyKey = checkoutKey();
    const results = await Promise.allSettled([checkout(a, { idempotencyKey }), checkout(b, { idempotencyKey })]);
    const placed = results.filter((r) => r.status === 'fulfilled');
    expect(placed).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as CheckoutRefusal).code).toBe('key_taken');
    const orders = await db.select().from(s.salesOrders).where(and(eq(s.salesOrders.sellerId, seller.sellerId), eq(s.salesOrders.idempotencyKey, idempotencyKey)));
    expect(orders).toHaveLength(1);
  });

  describe('auto invoice', () => {
    it('creates the invoice with the order and queues its email: products and quantities, no IMEI', async () => {
      const { db } = database;
      await setPortalSettings(db, seller, { autoInvoice: true });
      const { buyer, items } = await buyerWithCart([
        { available: 4, quantity: 3, values: { manufacturer: 'Apple', model: 'iPhone 14', capacity: '256GB', color: 'Purple', grade: 'A', listPrice: 52_000, sku: 'IP14-256-PUR-A' } },
        { available: 2, quantity: 1, values: { manufacturer: 'Google', model: 'Pixel 8 Pro', capacity: '128GB', color: 'Bay', grade: 'B', listPrice: null, sku: 'PX8P-128-BAY-B' } },
      ]);
      const result = await checkout(buyer, { poNumber: 'PO-INV-1' });
      expect(result.invoiceId).not.toBeNull();

      const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.orderId, result.orderId));
      expect(invoice).toMatchObject({ id: result.invoiceId, total: 3 * 52_000, paymentMethodName: 'Net 30' });
      expect(invoice!.emailedAt).not.toBeNull();

      const messages = await db.select().from(s.emailMessages).where(and(eq(s.emailMessages.sellerId, seller.sellerId), eq(s.emailMessages.kind, 'invoice'), eq(s.emailMessages.recipient, buyer.account.email)));
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message!.status).toBe('queued');
      expect(message!.subject).toBe(`Invoice ${invoice!.number} for order ${result.number} from Seller ${seller.seller.slug}`);
      expect(message!.text).toMatch(/Apple iPhone 14 · 256GB · Purple · Unlocked · Grade A \(IP14-256-PUR-A\) \| 3 \|/);
      expect(message!.text).toMatch(/Google Pixel 8 Pro · 128GB · Bay · Unlocked · Grade B \(PX8P-128-BAY-B\) \| 1 \| to be quoted/);
      expect(message!.text).toContain('PO-INV-1');
      const imeis = items.flatMap((i) => i.devices.map((d) => d.imei!));
      expect(imeis.length).toBe(6);
      for (const imei of imeis) {
        expect(message!.html).not.toContain(imei);
        expect(message!.text).not.toContain(imei);
      }
    });

    it('places the order while the email provider is unreachable: the email waits in the outbox', async () => {
      const { db } = database;
      await setPortalSettings(db, seller, { autoInvoice: true });
      const saved = { key: process.env.RESEND_API_KEY, url: process.env.RESEND_BASE_URL };
      process.env.RESEND_API_KEY = 're_test_provider_down';
      process.env.RESEND_BASE_URL = 'http://127.0.0.1:9'; // nothing listens there
      try {
        const { buyer } = await buyerWithCart([{ available: 2, quantity: 2 }]);
        const result = await checkout(buyer);
        expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(1);
        const [message] = await db.select().from(s.emailMessages).where(and(eq(s.emailMessages.recipient, buyer.account.email), eq(s.emailMessages.kind, 'invoice')));
        expect(message).toMatchObject({ status: 'queued', attempts: 0, kind: 'invoice' });
        expect(message!.subject).toContain(`order ${result.number}`);
      } finally {
        process.env.RESEND_API_KEY = saved.key;
        process.env.RESEND_BASE_URL = saved.url;
        if (saved.key === undefined) delete process.env.RESEND_API_KEY;
        if (saved.url === undefined) delete process.env.RESEND_BASE_URL;
      }
    });

    it('creates no invoice and queues only the order confirmation when auto invoice is off', async () => {
      const { db } = database;
      await setPortalSettings(db, seller, { autoInvoice: false });
      const { buyer } = await buyerWithCart([{ available: 2, quantity: 1 }]);
      const result = await checkout(buyer);
      expect(result.invoiceId).toBeNull();
      expect(await db.select().from(s.invoices).where(eq(s.invoices.orderId, result.orderId))).toHaveLength(0);
      const toBuyer = await db.select().from(s.emailMessages).where(eq(s.emailMessages.recipient, buyer.account.email));
      expect(toBuyer.map((m) => m.kind)).toEqual(['order_confirmation']);
    });

    it('writes the order and its invoice together or not at all', async () => {
      const { db } = database;
      await setPortalSettings(db, seller, { autoInvoice: true });
      const { buyer: earlier } = await buyerWithCart([{ available: 2, quantity: 1 }]);
      const placed = await checkout(earlier);
      const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.id, placed.invoiceId!));
      // Wind the invoice counter back so the next invoice number collides: the invoice insert fails mid-checkout.
      const counter = and(eq(s.documentCounters.sellerId, seller.sellerId), eq(s.documentCounters.kind, 'invoice'));
      await db.update(s.documentCounters).set({ lastNumber: invoice!.number - 1 }).where(counter);
      const { buyer } = await buyerWithCart([{ available: 2, quantity: 1 }]);
      const emailsBefore = (await db.select({ n: count() }).from(s.emailMessages))[0]!.n;
      try {
        await expect(checkout(buyer)).rejects.toThrow();
        expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(0);
        expect(await cartOf(db, buyer.account.id)).toHaveLength(1);
        expect((await db.select({ n: count() }).from(s.emailMessages))[0]!.n).toBe(emailsBefore);
      } finally {
        await db.update(s.documentCounters).set({ lastNumber: invoice!.number }).where(counter);
      }
      expect((await checkout(buyer)).invoiceId).not.toBeNull();
    });
  });

  it('refuses lines above what is available now by name, writes nothing, and takes the fixed cart', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { autoInvoice: true });
    const { buyer, items } = await buyerWithCart([
      { available: 5, quantity: 4, values: { model: 'iPhone 15', color: 'Pink' } },
      { available: 3, quantity: 3, values: { model: 'iPhone 15', color: 'Black' } },
      { available: 2, quantity: 1, values: { model: 'Galaxy S23', manufacturer: 'Samsung', color: 'Cream' } },
    ]);
    // Staff commit devices to other orders between add-to-cart and checkout.
    await staffCommitDevices(db, seller, items[0]!.product.id, items[0]!.devices.slice(0, 3));
    await staffCommitDevices(db, seller, items[1]!.product.id, items[1]!.devices);
    const invoicesBefore = (await db.select({ n: count() }).from(s.invoices))[0]!.n;
    const emailsBefore = (await db.select({ n: count() }).from(s.emailMessages))[0]!.n;

    const refusal = (await checkout(buyer).catch((e: unknown) => e)) as CheckoutRefusal;
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal.code).toBe('short');
    expect(refusal.message).toContain('Apple iPhone 15 · 128GB · Pink · Unlocked · Grade A: 2 available, 4 in your cart');
    expect(refusal.message).toContain('Apple iPhone 15 · 128GB · Black · Unlocked · Grade A: no longer available');
    expect(refusal.message).not.toContain('Galaxy S23');
    expect(refusal.details.shortLines.map((l) => [l.productId, l.inCart, l.available])).toEqual([
      [items[0]!.product.id, 4, 2],
      [items[1]!.product.id, 3, 0],
    ]);
    expect(await ordersOf(db, seller, buyer.organization.id)).toHaveLength(0);
    expect((await db.select({ n: count() }).from(s.invoices))[0]!.n).toBe(invoicesBefore);
    expect((await db.select({ n: count() }).from(s.emailMessages))[0]!.n).toBe(emailsBefore);
    expect((await cartOf(db, buyer.account.id)).map((l) => [l.productId, l.quantity])).toEqual([
      [items[0]!.product.id, 4],
      [items[1]!.product.id, 3],
      [items[2]!.product.id, 1],
    ]);

    // The customer fixes the cart and checks out.
    await db.update(s.cartLines).set({ quantity: 2 }).where(and(eq(s.cartLines.portalAccountId, buyer.account.id), eq(s.cartLines.productId, items[0]!.product.id)));
    await db.delete(s.cartLines).where(and(eq(s.cartLines.portalAccountId, buyer.account.id), eq(s.cartLines.productId, items[1]!.product.id)));
    const placed = await checkout(buyer);
    expect((await linesOf(db, placed.orderId)).map((l) => [l.productId, l.quantity])).toEqual([
      [items[0]!.product.id, 2],
      [items[2]!.product.id, 1],
    ]);
  });
});
