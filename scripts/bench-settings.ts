/**
 * `npx tsx scripts/bench-settings.ts [--devices 1000000]`: times the settings
 * queries on PostgreSQL with one seller holding many devices, in a scratch
 * database that is dropped afterwards. Prints median milliseconds.
 *
 * Measured: the Customer Portal settings page load, a catalogue list, the
 * in-use refusal of deleting a warehouse and a status (the only place that
 * counts devices), and saves of the portal settings with and without a
 * change to the For Sale choices (the latter rebuilds product_availability).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { loadPortalSettings, savePortalSettings } from '@/db/queries/settings/portal-settings';
import { listWarehouses, deleteWarehouse } from '@/db/queries/settings/catalogues/warehouses';
import { deleteInventoryStatus } from '@/db/queries/settings/catalogues/inventory-statuses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { isRefusal } from '@/lib/refusal';
import { buildSeller } from '../test/support/fixtures';
import { addStaffActor, demoPortalInput } from '../test/support/settings-fixtures';

const { values } = parseArgs({ options: { devices: { type: 'string', default: '1000000' } } });
const deviceCount = Number(values.devices);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tradepost_bench_settings_${randomBytes(3).toString('hex')}`;

function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const database = await openDatabase({ url: withDatabase(adminUrl, name) });
try {
  const { db } = database;
  const seller = await buildSeller(db, { slug: 'bench' });
  const owner = await addStaffActor(db, seller, 'owner');
  const statusIds = seller.statuses.map((s) => s.id);
  const warehouseIds = seller.warehouses.map((w) => w.id);

  const started = performance.now();
  await db.execute(sql`
    insert into products (seller_id, sku, manufacturer, model, grade, list_price)
    select ${seller.sellerId}, 'SKU-' || g, 'Apple', 'Model ' || (g % 50), 'A', 10000 + g
    from generate_series(1, 5000) g`);
  await db.execute(sql`
    insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost)
    select ${seller.sellerId}, lpad(g::text, 15, '0'),
           (select min(id) from products where seller_id = ${seller.sellerId}) + (g % 5000),
           (${`{${statusIds.join(',')}}`}::int[])[1 + (g % ${statusIds.length})],
           (${`{${warehouseIds.join(',')}}`}::int[])[case when g % 10 < 7 then 1 when g % 10 < 9 then 2 else 3 end],
           5000
    from generate_series(1, ${deviceCount}) g`);
  await db.execute(sql`analyze`);
  console.log(`setup: ${deviceCount.toLocaleString('en-US')} devices in ${Math.round(performance.now() - started)} ms`);

  const results: [string, number][] = [];
  results.push(['Customer Portal settings page: loadPortalSettings', await median(20, () => loadPortalSettings(db, { sellerId: seller.sellerId }))]);
  results.push(['recent changes list', await median(20, () => recentSettingsChanges(db, { sellerId: seller.sellerId }))]);
  results.push(['warehouses list page', await median(20, () => listWarehouses(db, { sellerId: seller.sellerId }))]);
  results.push([
    'delete warehouse MAIN refused (counts its devices)',
    await median(5, async () => {
      const deleted = await deleteWarehouse(db, { sellerId: seller.sellerId, actor: owner, warehouseId: seller.warehouse('MAIN').id }).then(() => true, (e) => { if (isRefusal(e)) return false; throw e; });
      if (deleted) throw new Error('MAIN was deleted');
    }),
  ]);
  results.push([
    'delete inventory status Available refused (counts its devices)',
    await median(5, async () => {
      const deleted = await deleteInventoryStatus(db, { sellerId: seller.sellerId, actor: owner, statusId: seller.status('Available').id }).then(() => true, (e) => { if (isRefusal(e)) return false; throw e; });
      if (deleted) throw new Error('Available was deleted');
    }),
  ]);
  results.push([
    'save portal settings, nothing changed',
    await median(5, () => savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller) })),
  ]);
  let withReceived = false;
  results.push([
    'save portal settings adding/removing one status (rebuilds availability)',
    await median(6, async () => {
      withReceived = !withReceived;
      const ids = [seller.status('Available').id, seller.status('Listed').id];
      if (withReceived) ids.push(seller.status('Received').id);
      await savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { statusIds: ids }) });
    }),
  ]);
  for (const [label, ms] of results) console.log(`${label}: ${ms} ms`);
} finally {
  await database.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
