/**
 * `npx tsx scripts/bench-purchased-devices.ts`: measures the Purchased devices
 * queries for an organization with 100,000 purchased devices, at a seller with
 * 1,000,000 devices, on PostgreSQL. Builds its own database
 * (tradepost_bench_history), prints timings and EXPLAIN ANALYZE, then drops it.
 *
 * BENCH_POSTGRES_URL picks the server (default postgres://postgres@127.0.0.1:5432/postgres);
 * BENCH_KEEP=1 keeps the database for poking at it; BENCH_REUSE=1 measures a kept one.
 */
import postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import { queryRows } from '@/db/rows';
import { buildSeller } from '@/test/support/fixtures';
import {
  listPurchasedDevices,
  purchasedDeviceFilterOptions,
  purchasedDevicesForExport,
  purchasedDevicesQueries,
  type PurchasedDeviceFilters,
} from '@/db/queries/portal/devices/list-purchased-devices';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';

const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAME = 'tradepost_bench_history';
const TOTAL_DEVICES = 1_000_000;
const ORG_ORDERS = 2_000; // x 2 lines x 25 devices = 100,000 purchased devices
const OTHER_ORDERS = 2_000;
const LINE_QUANTITY = 25;

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(statement: string) {
  const client = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end();
  }
}

async function timed<T>(label: string, run: () => Promise<T>, repeat = 7): Promise<T> {
  let result!: T;
  const times: number[] = [];
  result = await run(); // warm-up
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    result = await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(7)} ms   (min ${times[0]!.toFixed(1)}, max ${times[times.length - 1]!.toFixed(1)})`);
  return result;
}

async function explain(db: Db, label: string, query: SQL) {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${query}`);
  const plan = rows.map((r) => r['QUERY PLAN']);
  console.log(`\n--- EXPLAIN ANALYZE: ${label}\n${plan.join('\n')}`);
}

async function build(db: Db) {
  const seller = await buildSeller(db, { slug: 'bench' });
  const { sellerId } = seller;
  const shipped = seller.orderStatus('Shipped').id;
  const cancelled = seller.orderStatus('Cancelled').id;
  const channel = seller.channel('Phone').id;
  const sold = seller.status('Sold').id;
  const available = seller.status('Available').id;
  const main = seller.warehouse('MAIN').id;

  await db.execute(sql`
    insert into products (seller_id, sku, manufacturer, model, capacity, color, network, grade, list_price)
    select ${sellerId}, 'SKU-' || g, (array['Apple','Samsung','Google','Motorola'])[1 + g % 4], 'Model ' || (g % 60),
           (array['64GB','128GB','256GB'])[1 + g % 3], (array['Black','White','Blue','Red'])[1 + (g / 3) % 4],
           (array['Unlocked','AT&T','Verizon'])[1 + (g / 7) % 3], (array['A+','A','B','C'])[1 + (g / 11) % 4], 10000 + g
    from generate_series(1, 2000) g`);
  const [orgA] = await queryRows<{ id: number }>(db, sql`
    insert into organizations (seller_id, name) values (${sellerId}, 'Bench Buyer Inc') returning id`);
  const others = await queryRows<{ id: number }>(db, sql`
    insert into organizations (seller_id, name) select ${sellerId}, 'Other ' || g from generate_series(1, 10) g returning id`);
  const orgId = orgA!.id;
  const otherIds = others.map((o) => o.id);

  // Orders: the benchmark organization's over two years (one in 20 cancelled), then other organizations'.
  await db.execute(sql`
    insert into sales_orders (seller_id, number, organization_id, status_id, channel_id, created_at, updated_at)
    select ${sellerId}, 1000 + g,
           case when g <= ${ORG_ORDERS}::int then ${orgId}::int else (${`{${otherIds.join(',')}}`}::int[])[1 + g % 10] end,
           case when g % 20 = 0 then ${cancelled}::int else ${shipped}::int end, ${channel}::int,
           now() - make_interval(days => g % 730, mins => g), now()
    from generate_series(1, ${ORG_ORDERS + OTHER_ORDERS}::int) g`);
  await db.execute(sql`
    insert into sales_order_lines (seller_id, order_id, product_id, quantity, unit_price, position)
    select ${sellerId}, o.id, p.id, ${LINE_QUANTITY}, p.list_price, k
    from sales_orders o cross join generate_series(0, 1) k
    join products p on p.seller_id = ${sellerId} and lower(p.sku) = lower('SKU-' || (1 + (o.number * 7 + k * 13) % 2000))
    where o.seller_id = ${sellerId}`);
  // Committed devices: 25 per line; then uncommitted stock up to 1,000,000.
  await db.execute(sql`
    insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost, order_line_id, committed_at)
    select ${sellerId}, '35' || lpad((row_number() over (order by l.id, g))::text, 13, '0'),
           l.product_id, ${sold}, ${main}, 5000, l.id, now()
    from sales_order_lines l cross join generate_series(1, l.quantity) g
    where l.seller_id = ${sellerId}`);
  const [committed] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where seller_id = ${sellerId}`);
  const rest = TOTAL_DEVICES - committed!.n;
  await db.execute(sql`
    insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost)
    select ${sellerId}, '86' || lpad(g::text, 13, '0'), p.ids[1 + g % 2000], ${available}::int, ${main}::int, 5000
    from generate_series(1, ${rest}::int) g,
         (select array_agg(id order by id) as ids from products where seller_id = ${sellerId}) p`);
  // A few hundred devices of the organization in open RMAs.
  const [rma] = await queryRows<{ id: number }>(db, sql`
    insert into rmas (seller_id, number, organization_id, status) values (${sellerId}, 301, ${orgId}, 'open') returning id`);
  await db.execute(sql`
    insert into rma_lines (seller_id, rma_id, device_id, reason)
    select ${sellerId}, ${rma!.id}, d.id, 'bench' from devices d
    join sales_order_lines l on l.id = d.order_line_id join sales_orders o on o.id = l.order_id
    where o.organization_id = ${orgId} and d.id % 200 = 0`);
  await db.execute(sql`vacuum analyze`);
  return { sellerId, organizationId: orgId };
}

// BENCH_REUSE=1 measures a database kept by an earlier BENCH_KEEP=1 run instead of building it again.
const reuse = process.env.BENCH_REUSE === '1';
const database = await (async () => {
  if (!reuse) {
    await admin(`drop database if exists ${NAME} with (force)`);
    await admin(`create database ${NAME}`);
  }
  return openDatabase({ url: withDatabase(adminUrl, NAME) });
})();
try {
  const { db } = database;
  const started = performance.now();
  const scope = reuse
    ? (
        await queryRows<{ sellerId: number; organizationId: number }>(db, sql`
          select seller_id as "sellerId", id as "organizationId" from organizations where name = 'Bench Buyer Inc'`)
      )[0]!
    : await build(db);
  console.log(`${reuse ? 'Reused' : 'Built'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  const [counts] = await queryRows<{ devices: number; purchased: number }>(db, sql`
    select (select count(*)::int from devices) as devices,
           (select count(*)::int from devices d join sales_order_lines l on l.id = d.order_line_id
              join sales_orders o on o.id = l.order_id where o.organization_id = ${scope.organizationId}) as purchased`);
  console.log(`Seller devices: ${counts!.devices.toLocaleString('en-US')}; committed to the benchmark organization: ${counts!.purchased.toLocaleString('en-US')} (one order in 20 cancelled)\n`);

  const [sample] = await queryRows<{ imei: string }>(db, sql`
    select d.imei from devices d join sales_order_lines l on l.id = d.order_line_id join sales_orders o on o.id = l.order_id
    where o.organization_id = ${scope.organizationId} and o.number = 1501 limit 1`);
  const imei = sample!.imei;
  const cases: [string, PurchasedDeviceFilters & { page?: number }][] = [
    ['page 1 (50 rows) + count', {}],
    ['page 200 (offset 9,950) + count', { page: 200 }],
    ['page 1900 (offset 94,950) + count', { page: 1900 }],
    [`IMEI part: last 6 digits "${imei.slice(-6)}"`, { search: imei.slice(-6) }],
    [`IMEI part: middle 5 digits "${imei.slice(6, 11)}"`, { search: imei.slice(6, 11) }],
    [`IMEI part: 3 digits "${imei.slice(-3)}" (many matches)`, { search: imei.slice(-3) }],
    [`whole IMEI "${imei}"`, { search: imei }],
    ['filter: manufacturer Apple', { manufacturer: 'Apple' }],
    ['filter: manufacturer Apple + grade B + 128GB', { manufacturer: 'Apple', grade: 'B', capacity: '128GB' }],
    ['filter: model "Model 7" + IMEI part "12"', { model: 'Model 7', search: '12' }],
  ];
  for (const [label, filters] of cases) {
    const result = await timed(label, () =>
      listPurchasedDevices(db, { ...scope, ...filters, page: filters.page ?? 1, pageSize: 50 }),
    );
    console.log(`${''.padEnd(58)} ${result.total.toLocaleString('en-US')} matching, ${result.rows.length} on the page`);
  }
  await timed('filter options (from order lines)', () => purchasedDeviceFilterOptions(db, scope));
  await timed('Orders page 1 (25 orders with totals) + count', () => listCustomerOrders(db, { ...scope, page: 1, pageSize: 25 }));
  await timed(
    'CSV export of all purchased devices (200 orders per batch)',
    async () => {
      let n = 0;
      for await (const batch of purchasedDevicesForExport(db, scope)) n += batch.length;
      return n;
    },
    2,
  );

  const explainCases: [string, PurchasedDeviceFilters & { page?: number }, 'walk' | 'matched' | 'count'][] = [
    ['page 1', {}, 'walk'],
    ['IMEI part (last 6 digits)', { search: imei.slice(-6) }, 'matched'],
    ['filter manufacturer Apple + grade B + 128GB (over 2,000 matches: count)', { manufacturer: 'Apple', grade: 'B', capacity: '128GB' }, 'matched'],
    ['filter manufacturer Apple + grade B + 128GB (then the page)', { manufacturer: 'Apple', grade: 'B', capacity: '128GB' }, 'walk'],
  ];
  for (const [label, filters, form] of explainCases) {
    const q = purchasedDevicesQueries({ ...scope, ...filters, page: filters.page ?? 1, pageSize: 50 });
    if (form === 'walk') await explain(db, `${label}: count`, q.count);
    await explain(db, `${label}: ${form === 'walk' ? 'page (walk through orders)' : 'count + sorted page in one pass'}`, q[form]);
  }
} finally {
  await database.close();
  if (process.env.BENCH_KEEP !== '1' && !reuse) await admin(`drop database if exists ${NAME} with (force)`);
}
