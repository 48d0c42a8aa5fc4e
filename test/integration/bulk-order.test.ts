import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import type { DbOrTx } from '@/db';
import { addToCart } from '@/db/queries/cart';
import { addBulkOrderToCart, previewBulkOrder } from '@/db/queries/portal/bulk-order/bulk-order';
import { Refusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, cartOf, staffCommitDevices } from '../support/portal-fixtures';

/** The database as a reader that counts its statements (the preview reads all lines at once). */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === 'execute') {
        return (...args: unknown[]) => {
          counter.statements++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, counter };
}

describe('bulk order: paste SKU and quantity lines, preview, add the good lines in one step', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db, { slug: 'other-bulk' });
  });
  afterAll(() => database.close());

  async function catalogue() {
    const { db } = database;
    const tag = Math.random().toString(36).slice(2, 7).toUpperCase();
    const phone = await addProduct(db, seller, { sku: `PH-${tag}`, model: 'iPhone 13', listPrice: 10_000 });
    const packs = await addProduct(db, seller, { sku: `PK-${tag}`, model: 'Galaxy A54', manufacturer: 'Samsung', minOrderQuantity: 5, orderIncrement: 5, listPrice: 5_000 });
    const gone = await addProduct(db, seller, { sku: `GO-${tag}`, model: 'Pixel 7', manufacturer: 'Google' });
    const theirs = await addProduct(db, other, { sku: `TH-${tag}`, model: 'iPhone 14' });
    await addDevices(db, seller, phone.id, 30);
    await addDevices(db, seller, packs.id, 20);
    const goneDevices = await addDevices(db, seller, gone.id, 1);
    await staffCommitDevices(db, seller, gone.id, goneDevices);
    await addDevices(db, other, theirs.id, 5);
    return { tag, phone, packs, gone, theirs };
  }

  it('previews every line with its product and price (breaks included) or its refusal, in one statement', async () => {
    const { db } = database;
    const { tag, phone, packs } = await catalogue();
    const buyer = await addBuyer(db, seller);
    // The buyer's price list: 10 or more phones at $90.00.
    const [list] = await db.insert(s.priceLists).values({ sellerId: seller.sellerId, name: `Bulk ${tag}`, rule: 'fixed' }).returning();
    await db.insert(s.priceListPrices).values({ sellerId: seller.sellerId, priceListId: list!.id, productId: phone.id, minQuantity: 10, unitPrice: 9_000 });
    await db.execute(sql`update organizations set price_list_id = ${list!.id} where id = ${buyer.organization.id}`);

    const text = [
      'SKU;Quantity',
      `PH-${tag};10`,
      `pk-${tag}\t7`,
      `GO-${tag}, 1`,
      `NOPE-${tag}, 2`,
      `TH-${tag}, 1`,
      `PK-${tag}, 3`,
      `PH-${tag}, 1`,
      `PK-${tag}, ten`,
      '',
      `PH-${tag}, 31`,
    ].join('\n');
    const { db: counted, counter } = countingDb(db);
    const preview = await previewBulkOrder(counted, { ...buyer.scope, text });
    expect(counter.statements).toBe(1);
    expect(preview.lines.map((l) => [l.line, l.problem])).toEqual([
      [2, null],
      [3, expect.stringMatching(/^Samsung Galaxy A54 .* is sold in packs of 5: order 5, 10, 15…$/)],
      [4, 'Not available now.'],
      [5, 'No product with this SKU.'],
      // Another seller's SKU reads as unknown.
      [6, 'No product with this SKU.'],
      [7, 'This SKU is already on line 3; put the whole quantity on one line.'],
      [8, 'This SKU is already on line 2; put the whole quantity on one line.'],
      [9, 'The quantity must be a whole number of at least 1.'],
      [11, 'This SKU is already on line 2; put the whole quantity on one line.'],
    ]);
    expect(preview.lines[0]).toMatchObject({ productId: phone.id, quantity: 10, unitPrice: 9_000, lineTotal: 90_000 });
    expect(preview).toMatchObject({ good: 1, total: 90_000 });

    const single = await previewBulkOrder(db, { ...buyer.scope, text: `PK-${tag}, 25\nPH-${tag}, 31\nPK-X-${tag}, 0` });
    expect(single.lines.map((l) => l.problem)).toEqual(['Only 20 available.', 'Only 30 available.', 'The quantity must be a whole number of at least 1.']);
    const under = await previewBulkOrder(db, { ...buyer.scope, text: `PK-${tag}, 5\nPH-${tag}, 9` });
    expect(under.lines.map((l) => [l.problem, l.unitPrice])).toEqual([[null, 5_000], [null, 10_000]]);
    expect(packs.id).toBeGreaterThan(0);
  });

  it('refuses an empty paste and one of more than 500 lines', async () => {
    const buyer = await addBuyer(database.db, seller);
    await expect(previewBulkOrder(database.db, { ...buyer.scope, text: '\n  \n' })).rejects.toThrow(/Paste at least one line/);
    const many = Array.from({ length: 501 }, (_, i) => `SKU-${i}, 1`).join('\n');
    await expect(previewBulkOrder(database.db, { ...buyer.scope, text: many })).rejects.toThrow(/at most 500 lines/);
  });

  it('adds the good lines to the cart in one transaction, on top of what it holds; a line that became invalid refuses all', async () => {
    const { db } = database;
    const { tag, phone, packs } = await catalogue();
    const buyer = await addBuyer(db, seller);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: phone.id, quantity: 2 }));
    const text = `PH-${tag}, 3\nPK-${tag}, 10\nNOPE-${tag}, 1`;
    const preview = await previewBulkOrder(db, { ...buyer.scope, text });
    expect(preview.lines.map((l) => l.problem === null)).toEqual([true, true, false]);
    expect(preview.lines[0]).toMatchObject({ inCart: 2 });

    // Stock moves between the preview and the add: the packs line no longer fits; nothing is added.
    const packDevices = await db.select({ id: s.devices.id }).from(s.devices).where(sql`${s.devices.productId} = ${packs.id}`).limit(15);
    await staffCommitDevices(db, seller, packs.id, packDevices);
    const refusal = await addBulkOrderToCart(db, { ...buyer.scope, text, lines: [1, 2] }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Refusal);
    expect((refusal as Refusal).message).toMatch(/^Line 2 \(PK-.*\) cannot be added now: Only 5 available\. Nothing was added/);
    expect(await cartOf(db, buyer.scope.portalAccountId)).toEqual([{ productId: phone.id, quantity: 2 }]);

    // With the list fixed, both lines go in at once, each added to what the cart held.
    const fresh = `PH-${tag}, 3\nPK-${tag}, 5`;
    const result = await addBulkOrderToCart(db, { ...buyer.scope, text: fresh, lines: [1, 2] });
    expect(result).toMatchObject({ added: 2, units: 8, summary: { lines: 2, units: 10 } });
    expect((await cartOf(db, buyer.scope.portalAccountId)).sort((a, b) => a.productId - b.productId)).toEqual(
      [
        { productId: phone.id, quantity: 5 },
        { productId: packs.id, quantity: 5 },
      ].sort((a, b) => a.productId - b.productId),
    );
    // Asking for a line the preview refused is refused too.
    await expect(addBulkOrderToCart(db, { ...buyer.scope, text: `NOPE-${tag}, 1`, lines: [1] })).rejects.toThrow(/Line 1 \(NOPE-.*No product with this SKU/);
  });
});
