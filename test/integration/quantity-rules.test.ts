import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart, cartContents, setCartQuantity } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { orderAgain } from '@/db/queries/portal/orders/order-again';
import { previewBulkOrder } from '@/db/queries/portal/bulk-order/bulk-order';
import { Refusal } from '@/lib/refusal';
import { checkoutSchema } from '@/lib/validation/checkout';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, cartOf, checkoutKey, setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';
import { addOrder } from '../support/history-fixtures';

type Scope = { sellerId: number; portalAccountId: number; organizationId: number };

describe('quantity rules, minimum order value and how quantities are shown', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const add = (scope: Scope, productId: number, quantity: number) =>
    database.db.transaction((tx) => addToCart(tx, { ...scope, productId, quantity }));
  const set = (scope: Scope, productId: number, quantity: number) =>
    database.db.transaction((tx) => setCartQuantity(tx, { ...scope, productId, quantity }));
  const refusalOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal<unknown>;
  };
  const checkout = (scope: Scope) =>
    placeOrder(database.db, {
      ...scope,
      ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey() }),
    });
  const orderCount = async () =>
    (await database.db.select({ n: count() }).from(s.salesOrders).where(eq(s.salesOrders.sellerId, seller.sellerId)))[0]!.n;
  async function productWith(available: number, values: Parameters<typeof addProduct>[2] = {}) {
    const product = await addProduct(database.db, seller, { model: 'iPhone 13', color: 'Midnight', ...values });
    const devices = await addDevices(database.db, seller, product.id, available);
    return { product, devices };
  }

  it('refuses a quantity below the minimum or off the pack size in add and set, naming the rule and the line, writing nothing', async () => {
    const { product } = await productWith(40, { minOrderQuantity: 10, orderIncrement: 5, color: 'Pink' });
    const { scope } = await addBuyer(database.db, seller);
    expect((await refusalOf(add(scope, product.id, 5))).message).toMatch(/^Order at least 10 of Apple iPhone 13 .*Pink/);
    expect((await refusalOf(add(scope, product.id, 12))).message).toMatch(/is sold in packs of 5: order 10, 15, 20…$/);
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([]);
    // At the boundary: exactly the minimum, then one pack more.
    expect((await add(scope, product.id, 10)).quantity).toBe(10);
    expect((await refusalOf(add(scope, product.id, 3))).message).toMatch(/packs of 5/);
    expect((await add(scope, product.id, 5)).quantity).toBe(15);
    expect((await refusalOf(set(scope, product.id, 5))).message).toMatch(/^Order at least 10 of/);
    expect((await refusalOf(set(scope, product.id, 11))).message).toMatch(/packs of 5/);
    expect((await set(scope, product.id, 10)).quantity).toBe(10);
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([{ productId: product.id, quantity: 10 }]);
    // The most that can be added keeps to the packs: 40 available, 10 in the cart, 32 asked → room for 30.
    const over = await refusalOf(add(scope, product.id, 35));
    expect(over.message).toBe('10 in your cart; 30 more available.');
    expect(over.fieldErrors).toMatchObject({ canAdd: ['30'] });
  });

  it('checkout refuses a line that breaks the rules (they changed after it was added) and names it; nothing is written', async () => {
    const { product } = await productWith(20, { color: 'Blue' });
    const buyer = await addBuyer(database.db, seller);
    await add(buyer.scope, product.id, 7);
    await database.db.update(s.products).set({ orderIncrement: 5, minOrderQuantity: 5 }).where(eq(s.products.id, product.id));
    const before = await orderCount();
    const refusal = await refusalOf(checkout(buyer.scope));
    expect(refusal.code).toBe('quantity_rules');
    expect(refusal.message).toMatch(/Apple iPhone 13 .*Blue.* is sold in packs of 5: order 5, 10, 15…/);
    expect(await orderCount()).toBe(before);
    expect(await cartOf(database.db, buyer.scope.portalAccountId)).toEqual([{ productId: product.id, quantity: 7 }]);
    const cart = await cartContents(database.db, buyer.scope);
    expect(cart.lines[0]).toMatchObject({ problem: 'rules', ruleProblem: expect.stringMatching(/packs of 5/) });
    // At the boundary the order goes through.
    await set(buyer.scope, product.id, 10);
    expect((await checkout(buyer.scope)).number).toBeGreaterThan(0);
  });

  it('checkout refuses an order below the minimum order value and takes one equal to it', async () => {
    const { product } = await productWith(10, { listPrice: 16_000, color: 'Green' });
    const buyer = await addBuyer(database.db, seller);
    await setPortalSettings(database.db, seller, { minOrderValue: 50_000 });
    try {
      await add(buyer.scope, product.id, 2);
      const cart = await cartContents(database.db, buyer.scope);
      expect(cart).toMatchObject({ subtotal: 32_000, minOrderValue: 50_000, belowMinimum: true });
      const before = await orderCount();
      const refusal = await refusalOf(checkout(buyer.scope));
      expect(refusal.code).toBe('below_minimum');
      expect(refusal.message).toBe('Orders start at $500.00; your cart is $320.00.');
      expect(await orderCount()).toBe(before);
      await setPortalSettings(database.db, seller, { minOrderValue: 48_000 });
      await set(buyer.scope, product.id, 3);
      expect((await cartContents(database.db, buyer.scope)).belowMinimum).toBe(false);
      expect((await checkout(buyer.scope)).number).toBeGreaterThan(0);
    } finally {
      await setPortalSettings(database.db, seller, { minOrderValue: null });
    }
  });

  describe('the quantity display never reveals more than it allows', () => {
    const leaks = (text: string, n: number) => new RegExp(`\\b${n}\\b`).test(text);

    it('under "hidden": no number in any refusal of add, set, checkout, order again or the bulk preview', async () => {
      await setPortalSettings(database.db, seller, { quantityDisplay: 'hidden' });
      try {
        const { product, devices } = await productWith(12, { color: 'Hidden', sku: 'HIDDEN-1' });
        const { scope } = await addBuyer(database.db, seller);
        const added = await refusalOf(add(scope, product.id, 13));
        expect(added.message).toBe('Not enough in stock for 13; try fewer.');
        expect(added.fieldErrors?.canAdd).toBeUndefined();
        await add(scope, product.id, 4);
        const more = await refusalOf(add(scope, product.id, 9));
        expect(more.message).toBe('4 in your cart; not enough in stock for 13; try fewer.');
        expect(leaks(more.message, 12) || leaks(more.message, 8)).toBe(false);
        expect(more.fieldErrors?.canAdd).toBeUndefined();
        const setTo = await refusalOf(set(scope, product.id, 20));
        expect(setTo.message).toMatch(/^Not enough of Apple iPhone 13 .* in stock for 20; try fewer\.$/);
        expect(leaks(setTo.message, 12)).toBe(false);

        // The cart page's text and checkout's short lines.
        await set(scope, product.id, 10);
        await staffCommitDevices(database.db, seller, product.id, devices.slice(0, 5));
        const cart = await cartContents(database.db, scope);
        expect(cart.lines[0]).toMatchObject({ problem: 'short', availableText: 'In stock', changeTo: null });
        const short = await refusalOf(checkout(scope));
        expect(short.code).toBe('short');
        expect(leaks(short.message, 7) || leaks(short.message, 12)).toBe(false);
        expect(short.message).toMatch(/not enough in stock for 10; try fewer/);

        // Order again: a line that cannot be filled in full adds nothing and says no number of stock.
        const buyer = await addBuyer(database.db, seller);
        const { order } = await addOrder(database.db, seller, { organizationId: buyer.organization.id, lines: [{ productId: product.id, quantity: 9 }] });
        const again = await orderAgain(database.db, { ...buyer.scope, orderNumber: order.number });
        expect(again![0]).toMatchObject({ added: 0, outcome: 'short' });
        expect(again![0]!.message).toMatch(/not enough in stock for 9; nothing added/);
        expect(leaks(again![0]!.message!, 7)).toBe(false);
        expect(await cartOf(database.db, buyer.scope.portalAccountId)).toEqual([]);

        // The bulk preview.
        const preview = await previewBulkOrder(database.db, { ...buyer.scope, text: 'HIDDEN-1, 8' });
        expect(preview.lines[0]!.problem).toBe('Not enough in stock for 8; try fewer.');
      } finally {
        await setPortalSettings(database.db, seller, { quantityDisplay: 'exact' });
      }
    });

    it('under "capped": a number below the cap may be shown, at or above it only "50+"', async () => {
      await setPortalSettings(database.db, seller, { quantityDisplay: 'capped', quantityCap: 50 });
      try {
        const { product: many } = await productWith(60, { color: 'Many', sku: 'CAPPED-MANY' });
        const { product: few } = await productWith(49, { color: 'Few', sku: 'CAPPED-FEW' });
        const { scope } = await addBuyer(database.db, seller);
        const above = await refusalOf(add(scope, many.id, 61));
        expect(above.message).toBe('Not enough in stock for 61 (50+ available); try fewer.');
        expect(leaks(above.message, 60)).toBe(false);
        expect(above.fieldErrors?.canAdd).toBeUndefined();
        const below = await refusalOf(add(scope, few.id, 50));
        expect(below.message).toBe('Only 49 available.');
        expect(below.fieldErrors).toMatchObject({ canAdd: ['49'] });
        await add(scope, many.id, 10);
        const setMany = await refusalOf(set(scope, many.id, 70));
        expect(leaks(setMany.message, 60)).toBe(false);
        expect(setMany.message).toMatch(/50\+ available/);
        const cart = await cartContents(database.db, scope);
        expect(cart.lines.find((l) => l.productId === many.id)?.availableText).toBe('50+ available');
        const preview = await previewBulkOrder(database.db, { ...scope, text: 'CAPPED-MANY, 55\nCAPPED-FEW, 50' });
        expect(preview.lines.map((l) => l.problem)).toEqual([
          '10 in your cart; not enough in stock for 65 (50+ available); try fewer.',
          'Only 49 available.',
        ]);
      } finally {
        await setPortalSettings(database.db, seller, { quantityDisplay: 'exact' });
      }
    });
  });
});
