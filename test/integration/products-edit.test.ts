import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createProduct, findProduct, updateProduct } from '@/db/queries/products/save-product';
import { listProducts } from '@/db/queries/products/product-list';
import { productAttributeValues } from '@/db/queries/products/attribute-values';
import { productFieldsSchema, type ProductFields } from '@/lib/validation/products';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, outcomeOf } from '../support/inventory-fixtures';

describe('products: create, edit, list', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: { staffUserId: number; name: string };

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
  });
  afterAll(() => database.close());

  let n = 0;
  // New attribute values are confirmed here; the tests below about new values leave them unconfirmed.
  const allNew = ['capacity', 'color', 'network', 'grade'] as const;
  function fields(values: Partial<ProductFields> = {}): ProductFields {
    n++;
    return productFieldsSchema.parse({ sku: `NEW-${n}`, manufacturer: 'Samsung', model: 'Galaxy S23', capacity: '256GB', color: 'Cream', network: 'Unlocked', grade: 'A', listPrice: '1,299.00', newValues: allNew, ...values });
  }

  it('creates a product with its list price parsed into minor units, and audits it', async () => {
    const { db } = database;
    const outcome = await outcomeOf(createProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', fields: fields({ sku: 'S23-256-CRM-A' }) }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.product).toMatchObject({ sku: 'S23-256-CRM-A', listPrice: 129900, sellerId: seller.sellerId });
    expect((await auditOf(db, seller.sellerId, 'product.create')).at(-1)!.details).toMatchObject({ sku: 'S23-256-CRM-A', listPrice: 129900 });
  });

  it('an empty list price means "price on request"', async () => {
    const outcome = await outcomeOf(createProduct(database.db, { sellerId: seller.sellerId, actor, currency: 'USD', fields: fields({ listPrice: '' }) }));
    expect(outcome.ok && outcome.product.listPrice).toBeNull();
  });

  it('parses prices in the seller currency and refuses what is not a price', async () => {
    const { db } = database;
    const euro = await buildSeller(db, { currency: 'EUR' });
    const yen = await buildSeller(db, { currency: 'JPY' });
    const ok = await outcomeOf(createProduct(db, { sellerId: euro.sellerId, actor: { label: 'test' }, currency: 'EUR', fields: fields({ listPrice: '€ 89.9' }) }));
    expect(ok.ok && ok.product.listPrice).toBe(8990);
    const wholeYen = await outcomeOf(createProduct(db, { sellerId: yen.sellerId, actor: { label: 'test' }, currency: 'JPY', fields: fields({ listPrice: '12,000' }) }));
    expect(wholeYen.ok && wholeYen.product.listPrice).toBe(12000);
    for (const [currency, sellerId, text] of [
      ['USD', seller.sellerId, '12.345'],
      ['USD', seller.sellerId, '-5'],
      ['USD', seller.sellerId, 'ten'],
      ['JPY', yen.sellerId, '100.5'],
    ] as const) {
      const refused = await outcomeOf(createProduct(db, { sellerId, actor, currency, fields: fields({ listPrice: text, sku: `BAD-${text}` }) }));
      expect(refused).toMatchObject({ ok: false, fieldErrors: { listPrice: [expect.stringMatching(/price/)] } });
      const [stored] = await db.select().from(s.products).where(eq(s.products.sku, `BAD-${text}`));
      expect(stored).toBeUndefined();
    }
  });

  it('refuses a SKU this seller already uses, in any case, with a clear message', async () => {
    const { db } = database;
    await addProduct(db, seller, { sku: 'DUP-SKU-1' });
    const outcome = await outcomeOf(createProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', fields: fields({ sku: 'dup-sku-1' }) }));
    expect(outcome).toEqual({
      ok: false,
      message: 'SKU dup-sku-1 is already used by another of your products. Each product needs its own SKU.',
      fieldErrors: { sku: ['dup-sku-1 is already used by another product.'] },
    });
    // Another seller may use the same SKU.
    const other = await buildSeller(db);
    const theirs = await outcomeOf(createProduct(db, { sellerId: other.sellerId, actor: { label: 'test' }, currency: 'USD', fields: fields({ sku: 'DUP-SKU-1' }) }));
    expect(theirs.ok).toBe(true);
  });

  it('edits every attribute; a price change gets its own audit entry with old and new price', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { sku: 'EDIT-ME', listPrice: 10000 });
    const outcome = await outcomeOf(updateProduct(db, {
      sellerId: seller.sellerId,
      actor,
      currency: 'USD',
      productId: product.id,
      fields: fields({ sku: 'EDITED', manufacturer: 'Google', model: 'Pixel 8', capacity: '128GB', color: 'Hazel', network: 'Verizon', grade: 'B', listPrice: '249.99' }),
    }));
    expect(outcome.ok).toBe(true);
    const stored = await findProduct(db, { sellerId: seller.sellerId, productId: product.id });
    expect(stored).toMatchObject({ sku: 'EDITED', manufacturer: 'Google', model: 'Pixel 8', capacity: '128GB', color: 'Hazel', network: 'Verizon', grade: 'B', listPrice: 24999 });
    const price = (await auditOf(db, seller.sellerId, 'product.price')).at(-1)!;
    expect(price.entityId).toBe(product.id);
    expect(price.details).toEqual({ sku: 'EDITED', from: 10000, to: 24999, currency: 'USD' });
    const update = (await auditOf(db, seller.sellerId, 'product.update')).at(-1)!;
    expect(update.details).toMatchObject({ changes: { sku: ['EDIT-ME', 'EDITED'], grade: ['A', 'B'] } });
  });

  it('editing only the name leaves no price audit; removing the price audits the change to null', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { sku: 'KEEP-PRICE', listPrice: 5000 });
    const before = (await auditOf(db, seller.sellerId, 'product.price')).length;
    await updateProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', productId: product.id, fields: fields({ sku: 'KEEP-PRICE', color: 'Blue', listPrice: '50' }) });
    expect((await auditOf(db, seller.sellerId, 'product.price')).length).toBe(before);
    await updateProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', productId: product.id, fields: fields({ sku: 'KEEP-PRICE', listPrice: '' }) });
    expect((await auditOf(db, seller.sellerId, 'product.price')).at(-1)!.details).toMatchObject({ from: 5000, to: null });
  });

  it('refuses renaming to a SKU another product has', async () => {
    const { db } = database;
    await addProduct(db, seller, { sku: 'TAKEN-2' });
    const product = await addProduct(db, seller, { sku: 'FREE-2' });
    const outcome = await outcomeOf(updateProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', productId: product.id, fields: fields({ sku: 'Taken-2' }) }));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { sku: ['Taken-2 is already used by another product.'] } });
    expect((await findProduct(db, { sellerId: seller.sellerId, productId: product.id }))!.sku).toBe('FREE-2');
  });

  it("cannot read or edit another seller's product", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirs = await addProduct(db, other, { sku: 'THEIRS', listPrice: 777 });
    expect(await findProduct(db, { sellerId: seller.sellerId, productId: theirs.id })).toBeNull();
    const outcome = await outcomeOf(updateProduct(db, { sellerId: seller.sellerId, actor, currency: 'USD', productId: theirs.id, fields: fields({ sku: 'MINE-NOW', listPrice: '1' }) }));
    expect(outcome).toEqual({ ok: false, message: 'That product was not found.' });
    expect((await findProduct(db, { sellerId: other.sellerId, productId: theirs.id }))).toMatchObject({ sku: 'THEIRS', listPrice: 777 });
  });

  it('lists products with filters, search, price filter and available quantity', async () => {
    const { db } = database;
    const shop = await buildSeller(db);
    const a = await addProduct(db, shop, { sku: 'LST-A', manufacturer: 'Apple', model: 'iPhone 15', grade: 'A', listPrice: 50000 });
    const b = await addProduct(db, shop, { sku: 'LST-B', manufacturer: 'Apple', model: 'iPhone 15', grade: 'B', listPrice: null });
    const c = await addProduct(db, shop, { sku: 'LST-C', manufacturer: 'Google', model: 'Pixel 7', grade: 'A', listPrice: 20000 });
    await addDevices(db, shop, a.id, 3);
    await addDevices(db, shop, a.id, 2, { status: 'Sold' });
    const ids = async (filters: Parameters<typeof listProducts>[1]['filters']) =>
      (await listProducts(db, { sellerId: shop.sellerId, filters })).rows.map((r) => r.sku);
    expect(await ids({})).toEqual(['LST-A', 'LST-B', 'LST-C']);
    expect(await ids({ manufacturer: 'Apple' })).toEqual(['LST-A', 'LST-B']);
    expect(await ids({ grade: 'A' })).toEqual(['LST-A', 'LST-C']);
    expect(await ids({ q: 'pixel' })).toEqual(['LST-C']);
    expect(await ids({ q: 'lst-b' })).toEqual(['LST-B']);
    expect(await ids({ q: '%' })).toEqual([]);
    expect(await ids({ price: 'on_request' })).toEqual(['LST-B']);
    expect(await ids({ price: 'priced' })).toEqual(['LST-A', 'LST-C']);
    const page = await listProducts(db, { sellerId: shop.sellerId, filters: {}, pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, rows: [{ sku: 'LST-C', available: 0 }] });
    const first = await listProducts(db, { sellerId: shop.sellerId, filters: {}, pageSize: 2 });
    expect(first.rows[0]).toMatchObject({ sku: 'LST-A', available: 3, listPrice: 50000 });
    expect(c.id).toBeGreaterThan(b.id);
  });

  it('refuses a grade, network, capacity or color none of the products has, unless confirmed; the refusal names it and the look-alike', async () => {
    const { db } = database;
    const shop = await buildSeller(db);
    await addProduct(db, shop, { sku: 'HAS-APLUS', capacity: '128GB', color: 'Black', network: 'Unlocked', grade: 'A+' });
    const existing = { capacity: '128GB', color: 'Black', network: 'Unlocked', newValues: [] };
    const count = async () => (await db.select().from(s.products).where(eq(s.products.sellerId, shop.sellerId))).length;

    // Existing values need no confirmation.
    const fine = await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'FINE-1', grade: 'A+' }) }));
    expect(fine.ok).toBe(true);

    const refused = await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'TYPO-1', grade: 'a +' }) }));
    expect(refused).toEqual({
      ok: false,
      message: '"a +" would be a new grade. Nothing was saved.',
      fieldErrors: { grade: ['No product has the grade "a +" yet; did you mean "A+"? Choose it, or confirm the new grade.'] },
    });
    const two = await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'TYPO-2', grade: 'A plus', network: 'T-Mobile' }) }));
    expect(two).toMatchObject({ ok: false, message: '"T-Mobile", "A plus" would be new values. Nothing was saved.', fieldErrors: { grade: [expect.any(String)], network: [expect.any(String)] } });
    // Confirming one of two is not enough.
    const half = await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'TYPO-3', grade: 'A plus', network: 'T-Mobile', newValues: ['grade'] }) }));
    expect(half).toMatchObject({ ok: false, fieldErrors: { network: [expect.any(String)] } });
    expect(await count()).toBe(2);

    // Confirmed: created, and from then on an existing value.
    const confirmed = await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'NEW-GRADE', grade: 'A plus', newValues: ['grade'] }) }));
    expect(confirmed.ok).toBe(true);
    expect((await outcomeOf(createProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', fields: fields({ ...existing, sku: 'AGAIN', grade: 'A plus' }) }))).ok).toBe(true);

    // Editing checks the same, and a product keeps its own value without confirming it.
    const product = await addProduct(db, shop, { sku: 'EDIT-NEW', capacity: '128GB', color: 'Black', network: 'Unlocked', grade: 'A+' });
    const edit = (values: Partial<ProductFields>) =>
      outcomeOf(updateProduct(db, { sellerId: shop.sellerId, actor, currency: 'USD', productId: product.id, fields: fields({ ...existing, sku: 'EDIT-NEW', grade: 'A+', listPrice: '', ...values }) }));
    expect(await edit({ color: 'Blak' })).toMatchObject({ ok: false, fieldErrors: { color: ['No product has the color "Blak" yet. Choose an existing color, or confirm the new one.'] } });
    expect((await findProduct(db, { sellerId: shop.sellerId, productId: product.id }))!.color).toBe('Black');
    expect((await edit({ listPrice: '10' })).ok).toBe(true);
    // Another seller's values do not count as existing.
    const other = await buildSeller(db);
    await addProduct(db, other, { sku: 'THEIR-GRADE', grade: 'Z' });
    expect(await edit({ grade: 'Z' })).toMatchObject({ ok: false, fieldErrors: { grade: [expect.any(String)] } });
  });

  it('lists capacities by size and grades best first, in the list and in the filter values', async () => {
    const { db } = database;
    const shop = await buildSeller(db);
    for (const [sku, capacity, grade] of [
      ['ORD-1TB-A', '1TB', 'A'],
      ['ORD-128-B', '128GB', 'B'],
      ['ORD-64-A', '64GB', 'A'],
      ['ORD-64-AP', '64GB', 'A+'],
      ['ORD-256-C', '256GB', 'C'],
      ['ORD-512-A', '512GB', 'A'],
    ] as const) {
      await addProduct(db, shop, { sku, manufacturer: 'Apple', model: 'iPhone 13', capacity, color: 'Black', grade });
    }
    const rows = (await listProducts(db, { sellerId: shop.sellerId, filters: {} })).rows.map((r) => r.sku);
    expect(rows).toEqual(['ORD-64-AP', 'ORD-64-A', 'ORD-128-B', 'ORD-256-C', 'ORD-512-A', 'ORD-1TB-A']);
    const values = await productAttributeValues(db, { sellerId: shop.sellerId });
    expect(values.capacity).toEqual(['64GB', '128GB', '256GB', '512GB', '1TB']);
    expect(values.grade).toEqual(['A+', 'A', 'B', 'C']);
  });
});
