/**
 * Measures the back-office inventory list and the paste check at scale.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/tradepost_bench_inventory \
 *     npx tsx scripts/seed.ts --devices 1000000 --reset
 *   DATABASE_URL=… npx tsx scripts/bench-inventory.ts [--runs 20]
 *
 * For each list case: the planner's execution time (EXPLAIN ANALYZE of the
 * exact SQL the page runs) and the wall time of the query function over
 * repeated warm runs (median and p95, round trip included). Then the paste of
 * 5,000 IMEIs: refused (check only, nothing written) and accepted (written,
 * then rolled back so the database stays as seeded).
 */
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { queryRows } from '@/db/rows';
import { addPastedDevices } from '@/db/queries/inventory/add-devices';
import type { DeviceFilters } from '@/db/queries/inventory/device-filters';
import {
  countMatchingDevices,
  DEVICE_COUNT_CAP,
  devicePageQuery,
  INVENTORY_PAGE_SIZE,
  listDevices,
  matchingCountQuery,
  type DevicePageCursor,
} from '@/db/queries/inventory/device-list';
import { sequentialImei } from '@/lib/imei';
import { isRefusal } from '@/lib/refusal';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } });
const runs = Math.max(3, Number(values.runs));
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL database seeded with --devices 1000000.');
  process.exit(2);
}

const database = await openDatabase();
const db = database.db;

async function timeRuns(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! };
}

async function explain(query: SQL): Promise<{ ms: number; plan: string }> {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
  const lines = rows.map((r) => r['QUERY PLAN']);
  const ms = Number(/Execution Time: ([\d.]+) ms/.exec(lines.at(-1) ?? '')?.[1] ?? NaN);
  return { ms, plan: lines.join('\n') };
}

const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;

console.log('Preparing: VACUUM ANALYZE (as autovacuum would have done on a live database)…');
await db.execute(sql`vacuum analyze devices`);
await db.execute(sql`vacuum analyze products`);

const [acme] = await queryRows<{ id: number; devices: number }>(db, sql`
  select s.id, (select count(*)::int from devices d where d.seller_id = s.id) as devices
  from sellers s where s.slug = 'acme'`);
if (!acme) throw new Error('No demo seller "acme": seed the database first.');
const sellerId = acme.id;
const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from devices`);
const place = async (table: 'inventory_statuses' | 'warehouses', column: 'name' | 'code', value: string) => {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from ${sql.raw(table)} where seller_id = ${sellerId} and ${sql.raw(column)} = ${value}`);
  return row!.id;
};
const available = await place('inventory_statuses', 'name', 'Available');
const scrap = await place('inventory_statuses', 'name', 'Scrap');
const main = await place('warehouses', 'code', 'MAIN');
const rc = await place('warehouses', 'code', 'RC');
const [sample] = await queryRows<{ imei: string }>(db, sql`select imei from devices where seller_id = ${sellerId} order by id limit 1 offset 123457`);
const imei = sample!.imei;

// Page 20 by keyset: follow "Next" 19 times, then measure the 20th page.
let cursor: DevicePageCursor = {};
for (let i = 1; i < 20; i++) {
  const page = await listDevices(db, { sellerId, filters: {}, cursor });
  cursor = { after: page.nextAfter! };
}

const cases: { name: string; filters: DeviceFilters; cursor?: DevicePageCursor }[] = [
  { name: 'first page, no filter', filters: {} },
  { name: 'page 20, no filter (keyset: after the last row of page 19)', filters: {}, cursor },
  { name: 'status Available + warehouse MAIN', filters: { statusId: available, warehouseId: main } },
  { name: 'status Scrap + warehouse RC (rare: ~0.2%)', filters: { statusId: scrap, warehouseId: rc } },
  { name: 'model iPhone 13', filters: { model: 'iPhone 13' } },
  { name: 'model iPhone 13 + grade B + Available', filters: { model: 'iPhone 13', grade: 'B', statusId: available } },
  { name: 'committed to an order', filters: { committed: 'yes' } },
  { name: 'IMEI exact (15 digits)', filters: { q: imei } },
  { name: `IMEI prefix, 12 digits (${imei.slice(0, 12)}…)`, filters: { q: imei.slice(0, 12) } },
  { name: `IMEI prefix, 10 digits (${imei.slice(0, 10)}…: 10,000 old devices, the most a prefix can match)`, filters: { q: imei.slice(0, 10) } },
  { name: `IMEI last 6 digits (…${imei.slice(-6)})`, filters: { q: imei.slice(-6) } },
  { name: `IMEI last 3 digits (…${imei.slice(-3)}: ~1,000 candidates)`, filters: { q: imei.slice(-3) } },
  { name: `IMEI last 3 digits + status Scrap (few of the candidates match)`, filters: { q: imei.slice(-3), statusId: scrap } },
];

const out: string[] = [];
out.push(`Database: ${total.toLocaleString('en-US')} devices in all; seller acme ${acme.devices.toLocaleString('en-US')}. ${runs} warm runs per case.`);
out.push('');
out.push(`| case | page: EXPLAIN ANALYZE | page: median / p95 wall | rows | capped count (≤ ${DEVICE_COUNT_CAP.toLocaleString('en-US')}): EXPLAIN / median | count |`);
out.push('|---|---|---|---|---|---|');
const plans: string[] = [];
for (const c of cases) {
  const pageSql = devicePageQuery({ sellerId, filters: c.filters, cursor: c.cursor, pageSize: INVENTORY_PAGE_SIZE });
  const countSql = matchingCountQuery({ sellerId, filters: c.filters, cap: DEVICE_COUNT_CAP });
  const pageExplain = await explain(pageSql);
  const countExplain = await explain(countSql);
  const page = await listDevices(db, { sellerId, filters: c.filters, cursor: c.cursor });
  const pageTime = await timeRuns(() => listDevices(db, { sellerId, filters: c.filters, cursor: c.cursor }));
  const counted = await countMatchingDevices(db, { sellerId, filters: c.filters });
  const countTime = await timeRuns(() => countMatchingDevices(db, { sellerId, filters: c.filters }));
  out.push(
    `| ${c.name} | ${fmt(pageExplain.ms)} | ${fmt(pageTime.median)} / ${fmt(pageTime.p95)} | ${page.rows.length} | ${fmt(countExplain.ms)} / ${fmt(countTime.median)} | ${counted.capped ? `> ${counted.count.toLocaleString('en-US')}` : counted.count.toLocaleString('en-US')} |`,
  );
  plans.push(`-- ${c.name}\n${pageExplain.plan}`);
}

// For comparison: what OFFSET paging would cost at page 20 and page 2,000.
for (const pageNo of [20, 2000]) {
  const offsetSql = sql`select id from devices where seller_id = ${sellerId} order by received_on desc, id desc limit 51 offset ${(pageNo - 1) * 50}`;
  const e = await explain(offsetSql);
  out.push(`| (comparison) OFFSET paging, page ${pageNo.toLocaleString('en-US')}, ids only | ${fmt(e.ms)} | | | | |`);
}
// And an exact count over the whole seller, which the page deliberately does not run.
{
  const e = await explain(sql`select count(*) from devices where seller_id = ${sellerId}`);
  out.push(`| (comparison) exact count(*) of the seller's devices | ${fmt(e.ms)} | | | | |`);
}

// Paste of 5,000 IMEIs.
const [product] = await queryRows<{ id: number }>(db, sql`select id from products where seller_id = ${sellerId} order by id limit 1`);
const actor = { label: 'benchmark' };
const fresh = Array.from({ length: 5000 }, (_, i) => sequentialImei(i, '98'));
const known = (await queryRows<{ imei: string }>(db, sql`select imei from devices where seller_id = ${sellerId} order by id desc limit 5000`)).map((r) => r.imei);
const pasteInput = (text: string) => ({ sellerId, actor, kind: 'imei' as const, text, productId: product!.id, warehouseId: main, statusId: available, cost: null });

class Rollback extends Error {}
async function inRolledBackTransaction(fn: (tx: Db) => Promise<unknown>) {
  try {
    await db.transaction(async (tx) => {
      await fn(tx as unknown as Db);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

/** A paste the bench expects to be refused: the refusal is what is timed. */
const refused = (text: string) => addPastedDevices(db, pasteInput(text)).then(
  () => { throw new Error('The paste was expected to be refused.'); },
  (error: unknown) => { if (!isRefusal(error)) throw error; },
);
const refusedAll = await timeRuns(() => refused(known.join('\n')));
const refusedOne = await timeRuns(() => refused([...fresh.slice(0, 4999), fresh[0]].join('\n')));
let accepted: unknown;
const acceptedTime = await timeRuns(() =>
  inRolledBackTransaction(async (tx) => {
    accepted = await addPastedDevices(tx, pasteInput(fresh.join('\n')));
  }),
);
out.push('');
out.push('| paste of 5,000 IMEIs | median / p95 wall |');
out.push('|---|---|');
out.push(`| all 5,000 already known (refused: checked, nothing written) | ${fmt(refusedAll.median)} / ${fmt(refusedAll.p95)} |`);
out.push(`| 4,999 new + 1 repeat (refused after the database lookup) | ${fmt(refusedOne.median)} / ${fmt(refusedOne.p95)} |`);
out.push(`| 5,000 new (checked and inserted in one statement with the availability triggers; rolled back) | ${fmt(acceptedTime.median)} / ${fmt(acceptedTime.p95)} |`);
if (!(accepted as { added?: number })?.added) throw new Error(`The accepted paste was refused: ${JSON.stringify(accepted).slice(0, 300)}`);

console.log(out.join('\n'));
if (process.env.BENCH_PLANS) console.log(`\n${plans.join('\n\n')}`);
await database.close();
