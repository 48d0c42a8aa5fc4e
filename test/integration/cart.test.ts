import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  addToCart,
  cartContents,
  cartSummary,
  removeFromCart,
  setCartQuantity,
} from '@/db/queries/cart';
import { Refusal } from '@/lib/refusal';
import { addToCartSchema } from '@/lib/validation/cart';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, cartOf, setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

describe('cart', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  async function productWith(available: number, values: Parameters<typeof addProduct>[2] = {}) {
    const product = await addProduct(database.db, seller, { model: 'iPhone 13', color: 'Midnight', ...values });
    const devices = available ? await addDevices(database.db, seller, product.id, available) : [];
    return { product, devices };
  }
  const add = (scope: { sellerId: number; portalAccountId: number }, productId: number, quantity: number, overLimit?: 'cap') =>
    database.db.transaction((tx) => addToCart(tx, { ...scope, productId, quantity, overLimit }));
  const set = (scope: { sellerId: number; portalAccountId: number }, productId: number, quantity: number) =>
    database.db.transaction((tx) => setCartQuantity(tx, { ...scope, productId, quantity }));

  it('refuses 0, -1, 1.5, "abc" and an empty quantity with a message, before anything is written', async () => {
    const { product } = await productWith(5);
    const expectations: [unknown, RegExp][] = [
      ['0', /at least 1/],
      ['-1', /at least 1/],
      ['1.5', /whole number/],
      ['abc', /whole number/],
      ['', /at least 1/],
      [1e12, /more than we could ever have/],
    ];
    for (const [quantity, message] of expectations) {
      const parsed = addToCartSchema.safeParse({ productId: String(product.id), quantity });
      expect(parsed.success, String(quantity)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(message);
    }
    expect(addToCartSchema.parse({ productId: String(product.id), quantity: '3' })).toEqual({ productId: product.id, quantity: 3 });

    // The data layer refuses them too, for callers that skip the schema.
    const { scope } = await addBuyer(database.db, seller);
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      await expect(add(scope, product.id, quantity)).rejects.toThrow(Refusal);
      await expect(set(scope, product.id, quantity)).rejects.toThrow(Refusal);
    }
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([]);
  });

  it('adds up to what is available and refuses more, naming the product, leaving the line as it was', async () => {
    const { product } = await productWith(5);
    const { scope } = await addBuyer(database.db, seller);
    const first = await add(scope, product.id, 3);
    expect(first).toMatchObject({ quantity: 3, added: 3, available: 5, capped: false, summary: { lines: 1, units: 3 } });
    expect((await add(scope, product.id, 2)).quantity).toBe(5);

    await expect(add(scope, product.id, 1)).rejects.toThrow(
      'You already have 5 of Apple iPhone 13 · 128GB · Midnight · Unlocked · Grade A in your cart and 5 are available: you can add no more.',
    );
    const { product: other } = await productWith(4, { color: 'Pink' });
    await expect(add(scope, other.id, 5)).rejects.toThrow('Only 4 of Apple iPhone 13 · 128GB · Pink · Unlocked · Grade A are available.');
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([{ productId: product.id, quantity: 5 }]);
  });

  it('caps instead of refusing when asked (for "order again")', async () => {
    const { product } = await productWith(4);
    const { scope } = await addBuyer(database.db, seller);
    await add(scope, product.id, 3);
    const change = await add(scope, product.id, 10, 'cap');
    expect(change).toMatchObject({ quantity: 4, added: 1, capped: true });
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([{ productId: product.id, quantity: 4 }]);
  });

  it('changes a line to any whole number from 1 to what is available, and refuses the rest', async () => {
    const { product } = await productWith(6);
    const { scope } = await addBuyer(database.db, seller);
    await add(scope, product.id, 2);
    expect((await set(scope, product.id, 6)).quantity).toBe(6);
    expect((await set(scope, product.id, 1)).quantity).toBe(1);
    await expect(set(scope, product.id, 7)).rejects.toThrow(/Only 6 of .* are available/);
    expect(await cartOf(database.db, scope.portalAccountId)).toEqual([{ productId: product.id, quantity: 1 }]);

    const { product: notInCart } = await productWith(3, { color: 'Blue' });
    await expect(set(scope, notInCart.id, 1)).rejects.toThrow(/not in your cart/);
    expect(await cartOf(database.db, scope.portalAccountId)).toHaveLength(1);
  });

  it("answers another seller's product, an unknown id and a hidden unpriced product as not available", async () => {
    const { db } = database;
    const { scope } = await addBuyer(db, seller);
    const other = await buildSeller(db);
    const theirs = await addProduct(db, other);
    await addDevices(db, other, theirs.id, 5);
    await expect(add(scope, theirs.id, 1)).rejects.toThrow('This product is not available.');
    await expect(add(scope, 2_000_000_000, 1)).rejects.toThrow('This product is not available.');

    const { product: unpriced } = await productWith(3, { listPrice: null, color: 'Gold' });
    await setPortalSettings(db, seller, { hideUnpriced: true });
    try {
      await expect(add(scope, unpriced.id, 1)).rejects.toThrow(/is no longer available/);
    } finally {
      await setPortalSettings(db, seller, { hideUnpriced: false });
    }
    expect(await cartOf(db, scope.portalAccountId)).toEqual([]);
    expect((await add(scope, unpriced.id, 1)).quantity).toBe(1); // shown as "price on request" while hiding is off
  });

  it('flags lines that became short or unavailable with what is left, and removes lines', async () => {
    const { db } = database;
    const { product: a, devices: aDevices } = await productWith(5, { color: 'Red' });
    const { product: b, devices: bDevices } = await productWith(2, { color: 'Green', listPrice: null });
    const { scope } = await addBuyer(db, seller);
    await add(scope, a.id, 4);
    await add(scope, b.id, 2);

    let cart = await cartContents(db, scope);
    expect(cart.lines.map((l) => l.problem)).toEqual([null, null]);
    expect(cart).toMatchObject({ units: 6, subtotal: 4 * 10_000, toBeQuoted: 1, hasProblems: false });

    await staffCommitDevices(db, seller, a.id, aDevices.slice(0, 3));
    await staffCommitDevices(db, seller, b.id, bDevices);
    cart = await cartContents(db, scope);
    expect(cart.lines.map((l) => [l.productId, l.quantity, l.available, l.problem])).toEqual([
      [a.id, 4, 2, 'short'],
      [b.id, 2, 0, 'unavailable'],
    ]);
    expect(cart.hasProblems).toBe(true);

    expect(await removeFromCart(db, { ...scope, productId: b.id })).toEqual({ lines: 1, units: 4 });
    expect(await removeFromCart(db, { ...scope, productId: b.id })).toEqual({ lines: 1, units: 4 });
    expect(await cartSummary(db, scope)).toEqual({ lines: 1, units: 4 });
  });

  it("keeps each account's cart to itself", async () => {
    const { db } = database;
    const { product } = await productWith(3, { color: 'White' });
    const first = await addBuyer(db, seller);
    const second = await addBuyer(db, seller);
    await add(first.scope, product.id, 2);
    expect(await cartSummary(db, second.scope)).toEqual({ lines: 0, units: 0 });
    await removeFromCart(db, { ...second.scope, productId: product.id });
    expect(await cartSummary(db, first.scope)).toEqual({ lines: 1, units: 2 });
  });
});
