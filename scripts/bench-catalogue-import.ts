/**
 * `npx tsx scripts/bench-catalogue-import.ts`: times the chunked imports end
 * to end on PostgreSQL at 100,000 rows, as the browser drives them: start a
 * batch, upload it in chunks of 5,000, preview it in ranges of 10,000, apply
 * it in one transaction, apply it again (idempotent). A products file (50,000
 * updates of existing products, half with a new price, and 50,000 new
 * products), then a device file of 100,000 devices that creates 100 missing
 * products from its attribute columns. Uses a throwaway database on
 * BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { queryRows } from '@/db/rows';
import { stageImportRows, startImportBatch, type BatchOwner } from '@/db/queries/imports/import-batches';
import { applyProductImport, previewProductImport } from '@/db/queries/products/product-import';
import { importDeviceBatch, previewDeviceImport } from '@/db/queries/inventory/import-devices';
import { DEVICE_IMPORT_COLUMNS, IMPORT_CHUNK_ROWS, IMPORT_PREVIEW_ROWS, PRODUCT_IMPORT_COLUMNS } from '@/lib/imports/columns';
import { sequentialImei } from '@/lib/imei';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tradepost_bench_${randomBytes(3).toString('hex')}`;
const ROWS = 100_000;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`| ${label} | ${((performance.now() - start) / 1000).toFixed(2)} s |`);
  return result;
}

async function build(db: Db): Promise<BatchOwner & { name: string }> {
  await db.execute(sql`insert into sellers (slug, name) values ('bench', 'Bench Wholesale')`);
  await db.execute(sql`insert into warehouses (seller_id, name, code) values (1, 'Main', 'MAIN')`);
  await db.execute(sql`insert into inventory_statuses (seller_id, name) values (1, 'Available')`);
  const [staff] = await queryRows<{ id: number }>(db, sql`
    insert into staff_users (seller_id, email, name, role, status) values (1, 'bench@bench.example', 'Bench Staff', 'staff', 'active') returning id`);
  await db.execute(sql`insert into products (seller_id, sku, manufacturer, model, capacity, color, network, grade, list_price)
    select 1, 'BENCH-' || g, 'Apple', 'iPhone ' || (g % 40), '128GB', 'Black', 'Unlocked', 'A', 10000 from generate_series(0, 49999) g`);
  await db.execute(sql`analyze`);
  return { sellerId: 1, staffUserId: Number(staff!.id), name: 'Bench Staff' };
}

async function stage(db: Db, owner: BatchOwner, batchId: number, rows: { row: number; cells: string[] }[]) {
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK_ROWS) await stageImportRows(db, { ...owner, batchId, rows: rows.slice(i, i + IMPORT_CHUNK_ROWS) });
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
try {
  const db = database.db;
  const owner = await build(db);
  const actor = { staffUserId: owner.staffUserId, name: owner.name };
  console.log('| step (100,000 rows, PostgreSQL) | time |\n|---|---|');

  const productRows = Array.from({ length: ROWS }, (_, i) => ({
    row: i + 2,
    // 0..49,999 exist (even ones get a new price), 50,000.. are new.
    cells: PRODUCT_IMPORT_COLUMNS.map((c) => {
      const cells: Record<string, string> = { sku: `BENCH-${i}`, manufacturer: 'Apple', model: `iPhone ${i % 40}`, capacity: '128GB', color: 'Black', network: 'Unlocked', grade: 'A', list_price: i % 2 === 0 ? '120.00' : '100.00' };
      return cells[c] ?? '';
    }),
  }));
  const productsTotal = performance.now();
  const { batchId } = await startImportBatch(db, { ...owner, kind: 'products', columns: PRODUCT_IMPORT_COLUMNS, rowCount: ROWS });
  await timed('products: upload 20 chunks of 5,000', () => stage(db, owner, batchId, productRows));
  const counts = await timed('products: preview 10 ranges of 10,000', async () => {
    const total = { create: 0, update: 0, unchanged: 0, priceChanges: 0, problems: 0 };
    for (let from = 2; from <= ROWS + 1; from += IMPORT_PREVIEW_ROWS) {
      const p = await previewProductImport(db, { ...owner, currency: 'USD', batchId, fromRow: from, toRow: from + IMPORT_PREVIEW_ROWS - 1 });
      total.create += p.counts.create;
      total.update += p.counts.update;
      total.unchanged += p.counts.unchanged;
      total.priceChanges += p.counts.priceChanges;
      total.problems += p.problems.length;
    }
    return total;
  });
  const applied = await timed('products: apply (one transaction)', () => applyProductImport(db, { ...owner, actor, currency: 'USD', batchId }));
  console.log(`| products: end to end | ${((performance.now() - productsTotal) / 1000).toFixed(2)} s |`);
  await timed('products: second apply (idempotent, writes nothing)', () => applyProductImport(db, { ...owner, actor, currency: 'USD', batchId }));

  const deviceRows = Array.from({ length: ROWS }, (_, i) => {
    const creates = i % 10 === 0;
    const values: Record<string, string> = creates
      ? { manufacturer: 'Bench', model: `Phone ${i % 1000}`, capacity: '64GB', color: 'Blue', network: 'Unlocked', grade: 'B' }
      : { sku: `BENCH-${i % 100_000}` };
    const cells: Record<string, string> = { imei: sequentialImei(i + 1, '35'), warehouse: 'MAIN', status: 'Available', cost: '150.00', ...values };
    return { row: i + 2, cells: DEVICE_IMPORT_COLUMNS.map((c) => cells[c] ?? '') };
  });
  const devicesTotal = performance.now();
  const devices = await startImportBatch(db, { ...owner, kind: 'devices', columns: DEVICE_IMPORT_COLUMNS, options: { createMissingProducts: true }, rowCount: ROWS });
  await timed('devices: upload 20 chunks of 5,000', () => stage(db, owner, devices.batchId, deviceRows));
  const deviceCheck = await timed('devices: preview 10 ranges of 10,000', async () => {
    let problems = 0;
    let newProducts = 0;
    for (let from = 2; from <= ROWS + 1; from += IMPORT_PREVIEW_ROWS) {
      const p = await previewDeviceImport(db, { ...owner, currency: 'USD', batchId: devices.batchId, fromRow: from, toRow: from + IMPORT_PREVIEW_ROWS - 1 });
      problems += p.problems.length;
      newProducts += p.newProducts.length;
    }
    return { problems, newProducts };
  });
  const imported = await timed('devices: apply (one transaction, products created)', () => importDeviceBatch(db, { ...owner, actor, currency: 'USD', batchId: devices.batchId }));
  console.log(`| devices: end to end | ${((performance.now() - devicesTotal) / 1000).toFixed(2)} s |`);
  console.log('\nproducts preview:', counts, 'applied:', applied);
  console.log('devices preview:', deviceCheck, 'applied:', imported);
} finally {
  await database.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
