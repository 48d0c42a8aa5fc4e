import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart, cartContents, setCartQuantity } from '@/db/queries/cart';
import { placeOrder, type CheckoutRefusal } from '@/db/queries/checkout';
import { Refusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, cartOf, checkoutKey, linesOf, ordersOf, staffCommitDevices } from '../support/portal-fixtures';

/**
 * The spec's cart behaviour: carts and draft orders reserve nothing; only
 * devices staff commit (or move out of the chosen statuses and warehouses)
 * lower availability.
 */
describe('no reservation', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  const checkout = (buyer: Awaited<ReturnType<typeof addBuyer>>) =>
    placeOrder(database.db, {
      ...buyer.scope,
      paymentMethodId: seller.paymentMethod('Wire transfer').id,
      poNumber: null,
      notes: null,
      idempotencyKey: checkoutKey(),
    });

  it('John has 5 of A in his cart, Mark checks out all 10 of A, and John can still check out up to 10', async () => {
    const { db } = database;
    const productA = await addProduct(db, seller, { model: 'Product A' });
    await addDevices(db, seller, productA.id, 10);
    const john = await addBuyer(db, seller, 'John Repairs');
    const mark = await addBuyer(db, seller, 'Mark Exports');

    await db.transaction((tx) => addToCart(tx, { ...john.scope, productId: productA.id, quantity: 5 }));
    await db.transaction((tx) => addToCart(tx, { ...mark.scope, productId: productA.id, quantity: 10 }));
    const marks = await checkout(mark);
    expect((await linesOf(db, marks.orderId)).map((l) => l.quantity)).toEqual([10]);

    // Mark's draft order commits nothing: A still shows 10, and John's 5 are not flagged.
    expect(await availableQuantity(db, productA.id)).toBe(10);
    const johnsCart = await cartContents(db, john.scope);
    expect(johnsCart.lines.map((l) => [l.quantity, l.available, l.problem])).toEqual([[5, 10, null]]);

    // John raises his line to the full 10 and checks out.
    await db.transaction((tx) => setCartQuantity(tx, { ...john.scope, productId: productA.id, quantity: 10 }));
    await expect(db.transaction((tx) => setCartQuantity(tx, { ...john.scope, productId: productA.id, quantity: 11 }))).rejects.toThrow(/Only 10/);
    const johns = await checkout(john);
    expect((await linesOf(db, johns.orderId)).map((l) => l.quantity)).toEqual([10]);
    expect(await availableQuantity(db, productA.id)).toBe(10);
  });

  it('refuses the short line by name, writing nothing, when staff commit devices between add-to-cart and checkout', async () => {
    const { db } = database;
    const productA = await addProduct(db, seller, { model: 'Product B', color: 'Blue' });
    const devices = await addDevices(db, seller, productA.id, 10);
    const john = await addBuyer(db, seller);
    await db.transaction((tx) => addToCart(tx, { ...john.scope, productId: productA.id, quantity: 5 }));

    // Staff confirm another customer's order and commit 8 devices of A to it: 2 are left.
    await staffCommitDevices(db, seller, productA.id, devices.slice(0, 8));
    expect(await availableQuantity(db, productA.id)).toBe(2);

    const refusal = (await checkout(john).catch((e: unknown) => e)) as CheckoutRefusal;
    expect(refusal).toBeInstanceOf(Refusal);
    expect(refusal.message).toContain('Apple Product B · 128GB · Blue · Unlocked · Grade A: 2 available, 5 in your cart');
    expect(await ordersOf(db, seller, john.organization.id)).toHaveLength(0);
    expect(await cartOf(db, john.account.id)).toEqual([{ productId: productA.id, quantity: 5 }]);
    const [counter] = await db.select().from(s.documentCounters).where(eq(s.documentCounters.sellerId, seller.sellerId));
    const numberBefore = counter?.lastNumber;

    // The cart shows what is left; John takes the 2.
    expect((await cartContents(db, john.scope)).lines.map((l) => [l.available, l.problem])).toEqual([[2, 'short']]);
    await db.transaction((tx) => setCartQuantity(tx, { ...john.scope, productId: productA.id, quantity: 2 }));
    const placed = await checkout(john);
    expect((await linesOf(db, placed.orderId)).map((l) => l.quantity)).toEqual([2]);
    // The refused attempt used no order number.
    expect(placed.number).toBe((numberBefore ?? 0) + 1);
  });
});
