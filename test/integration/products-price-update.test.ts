import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { applyPriceUpdate, previewPriceUpdate } from '@/db/queries/products/price-update';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, outcomeOf } from '../support/inventory-fixtures';

describe('bulk price update from a price file', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: { staffUserId: number; name: string };

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
  });
  afterAll(() => database.close());

  async function pricesOf(ids: number[]) {
    const rows = await database.db.select().from(s.products).where(inArray(s.products.id, ids)).orderBy(s.products.id);
    return rows.map((r) => r.listPrice);
  }

  it('previews old -> new per product, counts unchanged rows, and changes nothing', async () => {
    const { db } = database;
    const a = await addProduct(db, seller, { sku: 'PV-A', listPrice: 10000 });
    const b = await addProduct(db, seller, { sku: 'PV-B', listPrice: null });
    const c = await addProduct(db, seller, { sku: 'PV-C', listPrice: 3000 });
    const preview = await previewPriceUpdate(db, {
      sellerId: seller.sellerId,
      currency: 'USD',
      rows: [
        { row: 2, sku: 'pv-a', listPrice: '120.00' },
        { row: 3, sku: 'PV-B', listPrice: '$45' },
        { row: 4, sku: 'PV-C', listPrice: '30' },
      ],
    });
    expect(preview.problems).toEqual([]);
    expect(preview.unchanged).toBe(1);
    expect(preview.changes.map((c) => [c.row, c.sku, c.from, c.to])).toEqual([
      [2, 'PV-A', 10000, 12000],
      [3, 'PV-B', null, 4500],
    ]);
    expect(await pricesOf([a.id, b.id, c.id])).toEqual([10000, null, 3000]);
  });

  it('refuses unknown SKUs, bad or empty prices and repeated SKUs by row, and changes no price', async () => {
    const { db } = database;
    const other = await buildSeller(db);
    await addProduct(db, other, { sku: 'OTHER-SELLER' });
    const a = await addProduct(db, seller, { sku: 'RF-A', listPrice: 10000 });
    const b = await addProduct(db, seller, { sku: 'RF-B', listPrice: 20000 });
    const auditBefore = (await auditOf(db, seller.sellerId, 'product.price')).length;
    const outcome = await outcomeOf(applyPriceUpdate(db, {
      sellerId: seller.sellerId,
      actor,
      currency: 'USD',
      rows: [
        { row: 2, sku: 'RF-A', listPrice: '99' },
        { row: 3, sku: 'NO-SUCH', listPrice: '10' },
        { row: 4, sku: 'OTHER-SELLER', listPrice: '10' },
        { row: 5, sku: 'RF-B', listPrice: '12.345' },
        { row: 6, sku: 'RF-B', listPrice: '' },
        { row: 7, sku: 'rf-a', listPrice: '5' },
        { row: 8, sku: '', listPrice: 'abc' },
      ],
    }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toBe('6 rows have problems, so no price was changed. Fix the file and try again.');
    expect(outcome.problems!.map((p) => [p.line, p.value, p.reason])).toEqual([
      [3, 'NO-SUCH', 'no product has this SKU'],
      [4, 'OTHER-SELLER', 'no product has this SKU'],
      [5, 'RF-B', '"12.345" is not a price'],
      [6, 'RF-B', 'this SKU is already on row 5; list_price is empty; write a price, or "on request" to remove it'],
      [7, 'rf-a', 'this SKU is already on row 2'],
      [8, '(no SKU)', 'sku is empty; "abc" is not a price'],
    ]);
    expect(await pricesOf([a.id, b.id])).toEqual([10000, 20000]);
    expect((await auditOf(db, seller.sellerId, 'product.price')).length).toBe(auditBefore);
  });

  it('applies every change in one transaction with one audit entry per changed price', async () => {
    const { db } = database;
    const a = await addProduct(db, seller, { sku: 'AP-A', listPrice: 10000 });
    const b = await addProduct(db, seller, { sku: 'AP-B', listPrice: null });
    const c = await addProduct(db, seller, { sku: 'AP-C', listPrice: 3000 });
    const d = await addProduct(db, seller, { sku: 'AP-D', listPrice: 4000 });
    const outcome = await outcomeOf(applyPriceUpdate(db, {
      sellerId: seller.sellerId,
      actor,
      currency: 'USD',
      rows: [
        { row: 2, sku: 'AP-A', listPrice: '110' },
        { row: 3, sku: 'AP-B', listPrice: '1,234.56' },
        { row: 4, sku: 'AP-C', listPrice: '30.00' },
        { row: 5, sku: 'AP-D', listPrice: 'on request' },
      ],
    }));
    expect(outcome).toEqual({ ok: true, updated: 3, unchanged: 1 });
    expect(await pricesOf([a.id, b.id, c.id, d.id])).toEqual([11000, 123456, 3000, null]);
    const audit = (await auditOf(db, seller.sellerId, 'product.price')).filter((e) => [a.id, b.id, c.id, d.id].includes(e.entityId!));
    expect(audit.map((e) => [e.entityId, e.details.from, e.details.to, e.actorStaffId, e.actorLabel])).toEqual([
      [a.id, 10000, 11000, actor.staffUserId, actor.name],
      [b.id, null, 123456, actor.staffUserId, actor.name],
      [d.id, 4000, null, actor.staffUserId, actor.name],
    ]);
  });

  it("never changes another seller's product with the same SKU", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirs = await addProduct(db, other, { sku: 'SHARED-SKU', listPrice: 500 });
    const mine = await addProduct(db, seller, { sku: 'SHARED-SKU', listPrice: 500 });
    const outcome = await outcomeOf(applyPriceUpdate(db, { sellerId: seller.sellerId, actor, currency: 'USD', rows: [{ row: 2, sku: 'SHARED-SKU', listPrice: '9' }] }));
    expect(outcome).toEqual({ ok: true, updated: 1, unchanged: 0 });
    expect(await pricesOf([theirs.id, mine.id])).toEqual([500, 900]);
  });
});
