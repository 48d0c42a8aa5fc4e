import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import {
  deleteExpiredImportBatches,
  stageImportRows,
  startImportBatch,
  type BatchOwner,
} from '@/db/queries/imports/import-batches';
import { applyProductImport, previewProductImport, type ProductImportPreview } from '@/db/queries/products/product-import';
import { productPriceHistory } from '@/db/queries/products/price-history';
import { importDeviceBatch, previewDeviceImport } from '@/db/queries/inventory/import-devices';
import { DEVICE_IMPORT_COLUMNS, PRODUCT_IMPORT_COLUMNS, skuFromAttributes, type DeviceImportColumn, type ProductImportColumn } from '@/lib/imports/columns';
import { isRefusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, deviceCount, freshImeis, outcomeOf } from '../support/inventory-fixtures';

type Staff = { staffUserId: number; name: string };

/** A database that counts every statement the queries run through it (and through its transactions). */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const wrap = (target: DbOrTx): DbOrTx =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'transaction') {
          return (fn: (tx: DbOrTx) => Promise<unknown>) => (value as (f: (tx: DbOrTx) => Promise<unknown>) => Promise<unknown>).call(t, (tx) => fn(wrap(tx)));
        }
        if (['execute', 'select', 'insert', 'update', 'delete'].includes(String(prop))) counter.statements++;
        return (value as (...a: unknown[]) => unknown).bind(t);
      },
    });
  return { db: wrap(db), counter };
}

const productRow = (row: number, values: Partial<Record<ProductImportColumn, string>>) => ({
  row,
  cells: PRODUCT_IMPORT_COLUMNS.map((c) => values[c] ?? ''),
});
const deviceRow = (row: number, values: Partial<Record<DeviceImportColumn, string>>) => ({
  row,
  cells: DEVICE_IMPORT_COLUMNS.map((c) => values[c] ?? ''),
});

async function refusalOf(write: Promise<unknown>) {
  try {
    await write;
  } catch (error) {
    if (isRefusal(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('catalogue intake: chunked product and device imports', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let staff: Staff;
  let owner: BatchOwner;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    staff = await addStaff(database.db, seller);
    owner = { sellerId: seller.sellerId, staffUserId: staff.staffUserId };
  });
  afterAll(() => database.close());

  /** Starts a products batch and uploads its rows in chunks of `chunk`. */
  async function stageProducts(db: Db, rows: { row: number; cells: string[] }[], chunk = 1000, who: BatchOwner = owner) {
    const { batchId } = await startImportBatch(db, { ...who, kind: 'products', columns: PRODUCT_IMPORT_COLUMNS, rowCount: rows.length, fileName: 'products.csv' });
    for (let i = 0; i < rows.length; i += chunk) await stageImportRows(db, { ...who, batchId, rows: rows.slice(i, i + chunk) });
    return batchId;
  }

  /** Previews a whole batch range by range, as the browser does, and adds the ranges up. */
  async function previewAll(db: DbOrTx, batchId: number, lastRow: number, range = 1000) {
    const parts: ProductImportPreview[] = [];
    for (let from = 2; from <= lastRow; from += range) {
      parts.push(await previewProductImport(db, { ...owner, currency: 'USD', batchId, fromRow: from, toRow: Math.min(lastRow, from + range - 1) }));
    }
    return {
      counts: parts.reduce((a, p) => ({ create: a.create + p.counts.create, update: a.update + p.counts.update, unchanged: a.unchanged + p.counts.unchanged, priceChanges: a.priceChanges + p.counts.priceChanges }), { create: 0, update: 0, unchanged: 0, priceChanges: 0 }),
      problems: parts.flatMap((p) => p.problems),
      changes: parts.flatMap((p) => p.changes),
    };
  }

  it('creates, updates and leaves unchanged by SKU (any case), writes price history and one audit entry; a second apply does nothing', async () => {
    const { db } = database;
    const updated = await addProduct(db, seller, { sku: 'CAT-UPD-1', manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Black', network: 'Unlocked', grade: 'A', listPrice: 10000 });
    const same = await addProduct(db, seller, { sku: 'CAT-SAME-1', manufacturer: 'Apple', model: 'iPhone 12', capacity: '64GB', color: 'Blue', network: 'Unlocked', grade: 'B', listPrice: 20000 });
    const rows = [
      productRow(2, { sku: 'cat-upd-1', manufacturer: 'Apple', model: 'iPhone 13', capacity: '128GB', color: 'Black', network: 'Unlocked', grade: 'A', list_price: '120.00' }),
      productRow(3, { sku: 'CAT-SAME-1', manufacturer: 'Apple', model: 'iPhone 12', capacity: '64GB', color: 'Blue', network: 'Unlocked', grade: 'B', list_price: '200' }),
      productRow(4, { sku: 'CAT-NEW-1', manufacturer: 'Samsung', model: 'Galaxy S22', capacity: '256GB', color: 'Green', network: 'Unlocked', grade: 'A+', list_price: '1,299.50' }),
      productRow(5, { sku: 'CAT-NEW-2', manufacturer: 'Google', model: 'Pixel 7', list_price: 'on request', min_order_quantity: '10', order_increment: '5' }),
    ];
    // Two chunks and two preview ranges: the file is checked as a whole.
    const batchId = await stageProducts(db, rows, 2);
    const preview = await previewAll(db, batchId, 5, 2);
    expect(preview.problems).toEqual([]);
    expect(preview.counts).toEqual({ create: 2, update: 1, unchanged: 1, priceChanges: 1 });
    expect(preview.changes.map((c) => [c.row, c.sku, c.action, c.priceFrom, c.priceTo])).toEqual([
      [2, 'CAT-UPD-1', 'update', 10000, 12000],
      [4, 'CAT-NEW-1', 'create', null, 129950],
      [5, 'CAT-NEW-2', 'create', null, null],
    ]);
    const importsBefore = (await auditOf(db, seller.sellerId, 'products.import')).length;

    const outcome = await applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId });
    expect(outcome).toEqual({ created: 2, updated: 1, unchanged: 1, priceChanges: 1 });
    const mine = await db.select().from(s.products).where(eq(s.products.sellerId, seller.sellerId));
    const bySku = new Map(mine.map((p) => [p.sku, p]));
    // The SKU keeps the spelling it had; the price changed.
    expect(bySku.get('CAT-UPD-1')).toMatchObject({ id: updated.id, listPrice: 12000 });
    expect(bySku.get('CAT-SAME-1')).toMatchObject({ id: same.id, listPrice: 20000, updatedAt: same.updatedAt });
    expect(bySku.get('CAT-NEW-1')).toMatchObject({ manufacturer: 'Samsung', model: 'Galaxy S22', capacity: '256GB', grade: 'A+', listPrice: 129950 });
    expect(bySku.get('CAT-NEW-2')).toMatchObject({ manufacturer: 'Google', capacity: '', listPrice: null, minOrderQuantity: 10, orderIncrement: 5 });
    const history = await productPriceHistory(db, { sellerId: seller.sellerId, productId: updated.id });
    expect(history[0]).toMatchObject({ from: 10000, to: 12000, source: 'product import', actor: staff.name });
    expect(await productPriceHistory(db, { sellerId: seller.sellerId, productId: same.id })).toEqual([]);
    const imports = await auditOf(db, seller.sellerId, 'products.import');
    expect(imports).toHaveLength(importsBefore + 1);
    expect(imports.at(-1)!.details).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 1, priceChanges: 1, file: 'products.csv' });

    // Applied once: applying again answers the same outcome and writes nothing.
    const again = await applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId });
    expect(again).toEqual({ ...outcome, alreadyApplied: true });
    expect(await auditOf(db, seller.sellerId, 'products.import')).toHaveLength(importsBefore + 1);
    expect(await productPriceHistory(db, { sellerId: seller.sellerId, productId: updated.id })).toHaveLength(1);
    const [staged] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from import_batch_rows where batch_id = ${batchId}`);
    expect(Number(staged!.n)).toBe(0);
  });

  it('refuses bad rows by row number, across chunks, and imports nothing', async () => {
    const { db } = database;
    const productsBefore = await db.$count(s.products, eq(s.products.sellerId, seller.sellerId));
    const rows = [
      productRow(2, { sku: 'CAT-BAD-OK', manufacturer: 'Apple', model: 'iPhone 14', list_price: '10' }),
      productRow(3, { sku: '', manufacturer: 'Apple', model: 'iPhone 14' }),
      productRow(4, { sku: 'CAT-BAD-2', manufacturer: '', model: '' }),
      productRow(5, { sku: 'CAT-BAD-3', manufacturer: 'Apple', model: 'iPhone 14', list_price: 'twelve' }),
      productRow(6, { sku: 'CAT-BAD-4', manufacturer: 'Apple', model: 'x'.repeat(81) }),
      productRow(7, { sku: 'CAT BAD 5', manufacturer: 'Apple', model: 'iPhone 14' }),
      productRow(8, { sku: 'CAT-BAD-6', manufacturer: 'Apple', model: 'iPhone 14', min_order_quantity: '7', order_increment: '5' }),
      productRow(9, { sku: 'CAT-BAD-7', manufacturer: 'Apple', model: 'iPhone 14', min_order_quantity: '0' }),
      productRow(10, { sku: 'CAT-BAD-8', manufacturer: 'Apple', model: 'iPhone 14', list_price: '999999999999' }),
      // Row 2's SKU again, in another chunk and another preview range.
      productRow(11, { sku: 'cat-bad-ok', manufacturer: 'Apple', model: 'iPhone 14' }),
    ];
    const batchId = await stageProducts(db, rows, 5);
    const preview = await previewAll(db, batchId, 11, 5);
    expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'SKU is empty'],
      [4, 'manufacturer is empty; model is empty'],
      [5, 'list price "twelve" is not a price'],
      [6, 'model is longer than 80 characters'],
      [7, 'a SKU has no spaces'],
      [8, 'min_order_quantity 7 is not a whole number of packs of 5'],
      [9, 'min_order_quantity "0" is not a whole number from 1 to 1,000,000'],
      [10, expect.stringMatching(/^list price "999999999999" is too large: prices are at most \$/)],
      [11, 'this SKU is already on row 2'],
    ]);
    const refusal = await refusalOf(applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId }));
    expect(refusal.message).toBe('9 rows have problems, so nothing was imported. Fix the file and try again.');
    expect(refusal.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await db.$count(s.products, eq(s.products.sellerId, seller.sellerId))).toBe(productsBefore);
    const [ok] = await db.select().from(s.products).where(and(eq(s.products.sellerId, seller.sellerId), eq(s.products.sku, 'CAT-BAD-OK')));
    expect(ok).toBeUndefined();
  });

  it("leaves another seller's product with the same SKU alone: the SKU is a new product here", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirs = await addProduct(db, other, { sku: 'CAT-SHARED-1', listPrice: 5000, model: 'Theirs' });
    const batchId = await stageProducts(db, [productRow(2, { sku: 'CAT-SHARED-1', manufacturer: 'Apple', model: 'Mine', list_price: '70' })]);
    const preview = await previewAll(db, batchId, 2);
    expect(preview.counts).toMatchObject({ create: 1, update: 0 });
    expect(await applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId })).toMatchObject({ created: 1, updated: 0 });
    const [after] = await db.select().from(s.products).where(eq(s.products.id, theirs.id));
    expect(after).toMatchObject({ sellerId: other.sellerId, model: 'Theirs', listPrice: 5000, updatedAt: theirs.updatedAt });
    expect(await productPriceHistory(db, { sellerId: other.sellerId, productId: theirs.id })).toEqual([]);
    const mine = await db.select().from(s.products).where(and(eq(s.products.sellerId, seller.sellerId), eq(s.products.sku, 'CAT-SHARED-1')));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ model: 'Mine', listPrice: 7000 });
  });

  it("refuses a batch of another staff user or another seller, an expired one and an unfinished upload", async () => {
    const { db } = database;
    const colleague = await addStaff(db, seller);
    const other = await buildSeller(db);
    const stranger = await addStaff(db, other, 'owner');
    const batchId = await stageProducts(db, [productRow(2, { sku: 'CAT-OWN-1', manufacturer: 'Apple', model: 'X' })]);
    for (const who of [{ sellerId: seller.sellerId, staffUserId: colleague.staffUserId }, { sellerId: other.sellerId, staffUserId: stranger.staffUserId }]) {
      for (const write of [
        () => stageImportRows(db, { ...who, batchId, rows: [productRow(2, { sku: 'HIJACK', manufacturer: 'A', model: 'B' })] }),
        () => previewProductImport(db, { ...who, currency: 'USD', batchId, fromRow: 2, toRow: 2 }),
        () => applyProductImport(db, { ...who, actor: { staffUserId: who.staffUserId, name: 'x' }, currency: 'USD', batchId }),
      ]) {
        expect((await refusalOf(write())).code).toBe('not_found');
      }
    }
    // Nothing was changed by them: the owner's row is as staged, and the owner can still apply it.
    expect(await applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId })).toMatchObject({ created: 1 });
    expect(await db.$count(s.products, eq(s.products.sku, 'HIJACK'))).toBe(0);
    // A device batch is not a products batch.
    const { batchId: devices } = await startImportBatch(db, { ...owner, kind: 'devices', columns: DEVICE_IMPORT_COLUMNS, rowCount: 1 });
    expect((await refusalOf(applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId: devices }))).code).toBe('not_found');

    // An upload that did not finish is refused whole.
    const { batchId: partial } = await startImportBatch(db, { ...owner, kind: 'products', columns: PRODUCT_IMPORT_COLUMNS, rowCount: 3 });
    await stageImportRows(db, { ...owner, batchId: partial, rows: [productRow(2, { sku: 'CAT-PART-1', manufacturer: 'A', model: 'B' })] });
    const unfinished = await refusalOf(applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId: partial }));
    expect(unfinished.message).toBe("Only 1 of the file's 3 rows arrived, so nothing was imported. Choose the file again.");
    expect(await db.$count(s.products, eq(s.products.sku, 'CAT-PART-1'))).toBe(0);

    // Expired batches answer "not found" and are deleted with their rows when the next batch starts.
    const later = new Date(Date.now() + 25 * 3600_000);
    expect((await refusalOf(stageImportRows(db, { ...owner, batchId: partial, rows: [], now: later }))).code).toBe('not_found');
    expect(await deleteExpiredImportBatches(db, { now: later })).toBeGreaterThanOrEqual(2);
    const [left] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from import_batch_rows where batch_id = ${partial}`);
    expect(Number(left!.n)).toBe(0);
  });

  it('checks again at apply: a SKU added by someone else since the preview is updated, its old price kept in the history', async () => {
    const { db } = database;
    const batchId = await stageProducts(db, [
      productRow(2, { sku: 'CAT-RACE-1', manufacturer: 'Apple', model: 'A', list_price: '10' }),
      productRow(3, { sku: 'CAT-RACE-2', manufacturer: 'Apple', model: 'B', list_price: '20' }),
    ]);
    expect((await previewAll(db, batchId, 3)).counts.create).toBe(2);
    // The apply checks again: the SKU now exists and is updated instead, with its price in the history.
    const raced = await addProduct(db, seller, { sku: 'CAT-RACE-2', manufacturer: 'Apple', model: 'B', listPrice: 1500 });
    const outcome = await applyProductImport(db, { ...owner, actor: staff, currency: 'USD', batchId });
    expect(outcome).toMatchObject({ created: 1, updated: 1, priceChanges: 1 });
    expect((await productPriceHistory(db, { sellerId: seller.sellerId, productId: raced.id }))[0]).toMatchObject({ from: 1500, to: 2000 });
  });

  it('runs the same number of statements to upload, preview and apply 10 rows or 600', async () => {
    const { db } = database;
    async function cost(n: number, prefix: string) {
      const rows = Array.from({ length: n }, (_, i) => productRow(i + 2, { sku: `${prefix}-${i}`, manufacturer: 'Apple', model: `Model ${i % 7}`, list_price: `${100 + i}` }));
      // Half of them exist already, with another price: updates and price history too.
      const existing = rows.filter((_, i) => i % 2 === 0);
      await db.insert(s.products).values(existing.map((r) => ({ sellerId: seller.sellerId, sku: r.cells[0]!, manufacturer: 'Apple', model: r.cells[2]!, listPrice: 1 })));
      const { batchId } = await startImportBatch(db, { ...owner, kind: 'products', columns: PRODUCT_IMPORT_COLUMNS, rowCount: n });
      const counted = countingDb(db);
      await stageImportRows(counted.db, { ...owner, batchId, rows });
      const upload = counted.counter.statements;
      const preview = await previewProductImport(counted.db, { ...owner, currency: 'USD', batchId, fromRow: 2, toRow: n + 1 });
      const previewed = counted.counter.statements - upload;
      const outcome = await applyProductImport(counted.db, { ...owner, actor: staff, currency: 'USD', batchId });
      expect(preview.counts).toEqual({ create: n / 2, update: n / 2, unchanged: 0, priceChanges: n / 2 });
      expect(outcome).toMatchObject({ created: n / 2, updated: n / 2 });
      return { upload, previewed, applied: counted.counter.statements - upload - previewed };
    }
    const small = await cost(10, 'CAT-SMALL');
    const large = await cost(600, 'CAT-LARGE');
    expect(large).toEqual(small);
    expect(small.applied).toBeLessThan(15);
  });

  describe('device import from a staged batch', () => {
    async function stageDevices(db: Db, rows: { row: number; cells: string[] }[], createMissingProducts: boolean, chunk = 1000) {
      const { batchId } = await startImportBatch(db, { ...owner, kind: 'devices', columns: DEVICE_IMPORT_COLUMNS, options: { createMissingProducts }, rowCount: rows.length });
      for (let i = 0; i < rows.length; i += chunk) await stageImportRows(db, { ...owner, batchId, rows: rows.slice(i, i + chunk) });
      return batchId;
    }
    const previewAllDevices = async (db: Db, batchId: number, lastRow: number, range: number) => {
      const parts = [];
      for (let from = 2; from <= lastRow; from += range) parts.push(await previewDeviceImport(db, { ...owner, currency: 'USD', batchId, fromRow: from, toRow: Math.min(lastRow, from + range - 1) }));
      return { problems: parts.flatMap((p) => p.problems), newProducts: parts.flatMap((p) => p.newProducts) };
    };
    const base = { warehouse: 'MAIN', status: 'Available' };
    const attrs = { manufacturer: 'Motorola', model: 'Edge 40', capacity: '256GB', color: 'Black', network: 'Unlocked', grade: 'B' };

    it('refuses unknown products by row when creation is off, as before', async () => {
      const { db } = database;
      const [a] = freshImeis(1);
      const batchId = await stageDevices(db, [deviceRow(2, { ...base, imei: a, sku: 'CAT-NOPE-1', ...attrs })], false);
      const preview = await previewAllDevices(db, batchId, 2, 10);
      expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([[2, 'no product has SKU "CAT-NOPE-1"']]);
      expect(preview.newProducts).toEqual([]);
      const refusal = await refusalOf(importDeviceBatch(db, { ...owner, actor: staff, currency: 'USD', batchId }));
      expect(refusal.problems).toHaveLength(1);
      expect(await db.$count(s.products, eq(s.products.sku, 'CAT-NOPE-1'))).toBe(0);
    });

    it('creates missing products from the attribute columns (given or built SKU) with the devices in one transaction', async () => {
      const { db } = database;
      const known = await addProduct(db, seller, { sku: 'CAT-DEV-KNOWN' });
      const imeis = freshImeis(5);
      const built = skuFromAttributes(attrs);
      expect(built).toBe('MOTOROLA-EDGE-40-256GB-BLACK-UNLOCKED-B');
      const rows = [
        deviceRow(2, { ...base, imei: imeis[0], sku: 'CAT-DEV-NEW', manufacturer: 'Nokia', model: 'G42', grade: 'A' }),
        deviceRow(3, { ...base, imei: imeis[1], ...attrs }),
        deviceRow(4, { ...base, imei: imeis[2], sku: 'CAT-DEV-KNOWN', manufacturer: 'Ignored', model: 'Ignored' }),
        // Same new products again, in the next chunk and preview range.
        deviceRow(5, { ...base, imei: imeis[3], sku: 'cat-dev-new', manufacturer: 'Nokia', model: 'G42', grade: 'A' }),
        deviceRow(6, { ...base, imei: imeis[4], ...attrs }),
      ];
      const batchId = await stageDevices(db, rows, true, 3);
      const preview = await previewAllDevices(db, batchId, 6, 3);
      expect(preview.problems).toEqual([]);
      expect(preview.newProducts.map((p) => [p.sku, p.description, p.firstRow])).toEqual([
        ['CAT-DEV-NEW', 'Nokia G42 · Grade A', 2],
        [built, 'Motorola Edge 40 · 256GB · Black · Unlocked · Grade B', 3],
      ]);
      const devicesBefore = await deviceCount(db, seller.sellerId);
      const outcome = await importDeviceBatch(db, { ...owner, actor: staff, currency: 'USD', batchId });
      expect(outcome).toEqual({ imported: 5, productsCreated: 2 });
      expect(await deviceCount(db, seller.sellerId)).toBe(devicesBefore + 5);
      const [nokia] = await db.select().from(s.products).where(and(eq(s.products.sellerId, seller.sellerId), eq(s.products.sku, 'CAT-DEV-NEW')));
      const [moto] = await db.select().from(s.products).where(and(eq(s.products.sellerId, seller.sellerId), eq(s.products.sku, built)));
      expect(moto).toMatchObject({ ...attrs, listPrice: null });
      expect(await availableQuantity(db, nokia!.id)).toBe(2);
      expect(await availableQuantity(db, moto!.id)).toBe(2);
      expect(await db.$count(s.devices, eq(s.devices.productId, known.id))).toBe(1);
      expect((await auditOf(db, seller.sellerId, 'devices.import')).at(-1)!.details).toEqual({ count: 5, productsCreated: 2 });
      expect((await auditOf(db, seller.sellerId, 'product.create')).map((e) => e.entityId)).toEqual(expect.arrayContaining([nokia!.id, moto!.id]));
      // Idempotent.
      expect(await importDeviceBatch(db, { ...owner, actor: staff, currency: 'USD', batchId })).toEqual({ ...outcome, alreadyApplied: true });
      expect(await deviceCount(db, seller.sellerId)).toBe(devicesBefore + 5);
    });

    it('refuses rows that cannot create their product, or repeat an IMEI of an earlier chunk, and creates nothing', async () => {
      const { db } = database;
      const [a, b, c, d] = freshImeis(4);
      const rows = [
        deviceRow(2, { ...base, imei: a, sku: 'CAT-DEV-CONFLICT', manufacturer: 'Nokia', model: 'G42' }),
        deviceRow(3, { ...base, imei: b, sku: 'CAT-DEV-NOATTR' }),
        deviceRow(4, { ...base, imei: c, sku: 'CAT-DEV-CONFLICT', manufacturer: 'Nokia', model: 'G60' }),
        deviceRow(5, { ...base, imei: a, ...attrs, color: 'Blue' }),
        deviceRow(6, { ...base, imei: d }),
      ];
      const batchId = await stageDevices(db, rows, true, 2);
      const preview = await previewAllDevices(db, batchId, 6, 2);
      expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([
        [3, 'no product has SKU "CAT-DEV-NOATTR"; give its manufacturer and model to create it'],
        [4, 'row 2 creates CAT-DEV-CONFLICT as Nokia G42; this row says Nokia G60'],
        [5, 'IMEI repeats row 2'],
        [6, 'SKU is empty, and a product needs at least a manufacturer and a model to be created'],
      ]);
      const productsBefore = await db.$count(s.products, eq(s.products.sellerId, seller.sellerId));
      const outcome = await outcomeOf(importDeviceBatch(db, { ...owner, actor: staff, currency: 'USD', batchId }));
      expect(outcome.ok).toBe(false);
      expect(await db.$count(s.products, eq(s.products.sellerId, seller.sellerId))).toBe(productsBefore);
      expect(await db.$count(s.devices, eq(s.devices.imei, a!))).toBe(0);
    });
  });
});
