/**
 * `npx tsx scripts/bench-organizations.ts`: times the Organizations pages'
 * queries on PostgreSQL at a large seller (20,000 organizations, 40,000
 * portal accounts, 300,000 orders with 600,000 lines; one organization holds
 * 30,000 of the orders). Uses a throwaway database on BENCH_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres) and drops it after.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { listOrders } from '@/db/queries/orders/list-orders';
import { listRmas } from '@/db/queries/rmas/list-rmas';
import { listOrganizations } from '@/db/queries/organizations';
import { listPortalAccounts } from '@/db/queries/portal-accounts';
import { hitRateLimit } from '@/db/queries/rate-limits';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tradepost_bench_${randomBytes(3).toString('hex')}`;

async function build(db: Db) {
  await db.execute(sql`insert into sellers (slug, name) values ('bench', 'Bench Wholesale')`);
  await db.execute(sql`insert into order_statuses (seller_id, name) values (1, 'Confirmed')`);
  await db.execute(sql`insert into sales_channels (seller_id, name) values (1, 'Phone')`);
  await db.execute(sql`insert into products (seller_id, sku, manufacturer, model, grade, list_price)
    values (1, 'SKU-1', 'Apple', 'iPhone 13', 'A', 25000)`);
  await db.execute(sql`insert into organizations (seller_id, name, email, phone)
    select 1, 'Customer ' || lpad(g::text, 5, '0'), 'ap' || g || '@customer.example', '+1 555 ' || g
    from generate_series(1, 20000) g`);
  await db.execute(sql`insert into portal_accounts (seller_id, organization_id, name, email, status)
    select 1, 1 + (g % 20000), 'Buyer ' || g, 'buyer' || g || '@customer.example', 'active'
    from generate_series(1, 40000) g`);
  // Organization 1 is the big one: 30,000 of the 300,000 orders.
  await db.execute(sql`insert into sales_orders (seller_id, number, organization_id, status_id, channel_id, po_number, created_at)
    select 1, 1000 + g, case when g % 10 = 0 then 1 else 2 + (g % 19999) end, 1, 1, 'PO-' || g,
      now() - (g || ' minutes')::interval
    from generate_series(1, 300000) g`);
  await db.execute(sql`insert into sales_order_lines (seller_id, order_id, product_id, quantity, unit_price, position)
    select 1, o.id, 1, 1 + (o.id % 5), case when o.id % 7 = 0 then null else 25000 end, p
    from sales_orders o cross join generate_series(0, 1) p`);
  await db.execute(sql`insert into rmas (seller_id, number, organization_id, status)
    select 1, 300 + g, 1 + (g % 20000), 'open' from generate_series(1, 20000) g`);
  await db.execute(sql`analyze`);
}

async function time(label: string, run: () => Promise<unknown>, rounds = 30) {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  console.log(`| ${label} | ${median.toFixed(2)} ms | ${p95.toFixed(2)} ms |`);
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
try {
  const started = performance.now();
  await build(database.db);
  console.log(`data built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const db = database.db;
  console.log('| query | median | p95 |\n|---|---|---|');
  await time('organizations list, page 1 of 800 (25 rows + account counts + total)', () =>
    listOrganizations(db, { sellerId: 1, page: 1, pageSize: 25 }));
  await time('organizations list, page 400', () => listOrganizations(db, { sellerId: 1, page: 400, pageSize: 25 }));
  await time('organizations search "1234" (name, email, phone)', () =>
    listOrganizations(db, { sellerId: 1, search: '1234', page: 1, pageSize: 25 }));
  await time('Orders tab of the 30,000-order organization, page 1 (with totals)', () =>
    listOrders(db, { sellerId: 1, organizationId: 1, page: 1, pageSize: 25 }));
  await time('Orders tab of the 30,000-order organization, page 600', () =>
    listOrders(db, { sellerId: 1, organizationId: 1, page: 600, pageSize: 25 }));
  await time('Orders tab of a 15-order organization', () =>
    listOrders(db, { sellerId: 1, organizationId: 500, page: 1, pageSize: 25 }));
  await time('RMAs tab', () => listRmas(db, { sellerId: 1, organizationId: 500, page: 1, pageSize: 25 }));
  await time('Customer Portal tab (accounts of one organization)', () =>
    listPortalAccounts(db, { sellerId: 1, organizationId: 500 }));
  let n = 0;
  await time('rate-limit hit (atomic upsert)', () =>
    hitRateLimit(db, { key: `bench:${n++ % 1000}`, limit: 10, windowSeconds: 900 }), 200);
} finally {
  await database.close();
  if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
