/**
 * `npx tsx scripts/bench-orders.ts [--devices 1000000] [--orders 100000] [--keep]`
 *
 * Times the order, RMA and dashboard queries on PostgreSQL at scale: a fresh
 * database (on TEST_POSTGRES_URL's server) seeded with the demo at the given
 * number of devices, plus bulk orders for Acme. Prints the median of 7 warm
 * runs per query, then drops the database (unless --keep).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { seedDemo } from '@/db/seed/demo';
import { listOrders } from '@/db/queries/orders/list-orders';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { devicesToPick } from '@/db/queries/orders/devices-to-pick';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { findProductsForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { checkRmaDevices } from '@/db/queries/rmas/check-rma-devices';
import { listRmas } from '@/db/queries/rmas/list-rmas';
import { dashboardSummary } from '@/db/queries/dashboard';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000000' },
    orders: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
  },
});
const deviceCount = Number(values.devices);
const orderCount = Number(values.orders);
const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `tradepost_bench_orders_${randomBytes(3).toString('hex')}`;

class Rollback extends Error {}

async function time(label: string, run: () => Promise<unknown>, rows: string[][]) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  rows.push([label, samples[3]!.toFixed(1), samples[6]!.toFixed(1)]);
}

async function bulkOrders(db: Db, sellerId: number, count: number) {
  await db.execute(sql`
    insert into sales_orders (seller_id, number, organization_id, status_id, channel_id, payment_method_id, po_number, created_at, updated_at)
    select ${sellerId}, 100000 + g,
      (array(select id from organizations where seller_id = ${sellerId} order by id))[1 + g % 4],
      (array(select id from order_statuses where seller_id = ${sellerId} order by position))[1 + g % 4],
      (array(select id from sales_channels where seller_id = ${sellerId} order by id))[1 + g % 3],
      (array(select id from payment_methods where seller_id = ${sellerId} order by id))[1 + g % 2],
      'BENCH-' || g,
      now() - (g % 730) * interval '1 day' - (g % 1440) * interval '1 minute',
      now()
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into sales_order_lines (seller_id, order_id, product_id, quantity, unit_price, position)
    select o.seller_id, o.id, (array(select id from products where seller_id = ${sellerId} order by id))[1 + o.id % 400], 1 + o.id % 3, 19900, 0
    from sales_orders o where o.seller_id = ${sellerId} and o.number > 100000`);
  await db.execute(sql`update document_counters set last_number = ${100000 + count} where seller_id = ${sellerId} and kind = 'sales_order'`);
  await db.execute(sql`analyze`);
}

const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString() });
const { db } = database;
try {
  let started = performance.now();
  await seedDemo(db, { devices: deviceCount });
  console.log(`seeded ${deviceCount.toLocaleString('en-US')} devices in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const [acme] = await db.select().from(s.sellers).where(eq(s.sellers.slug, 'acme'));
  const sellerId = acme!.id;
  started = performance.now();
  await bulkOrders(db, sellerId, orderCount);
  console.log(`added ${orderCount.toLocaleString('en-US')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const [staff] = await db.select().from(s.staffUsers).where(eq(s.staffUsers.email, 'staff@acme.example'));
  const actor = { staffUserId: staff!.id, name: staff!.name };
  const orgs = await db.select().from(s.organizations).where(eq(s.organizations.sellerId, sellerId));
  const confirmed = await db
    .select()
    .from(s.orderStatuses)
    .where(and(eq(s.orderStatuses.sellerId, sellerId), eq(s.orderStatuses.name, 'Confirmed')));
  const [busiest] = await queryRows<{ product_id: number }>(db, sql`
    select product_id from product_availability where seller_id = ${sellerId} order by quantity desc limit 1`);
  const productId = Number(busiest!.product_id);
  const free = await db
    .select({ imei: s.devices.imei })
    .from(s.devices)
    .where(and(eq(s.devices.sellerId, sellerId), eq(s.devices.productId, productId), isNull(s.devices.orderLineId)))
    .limit(50);
  const [order] = await db
    .insert(s.salesOrders)
    .values({ sellerId, number: 99_999, organizationId: orgs[0]!.id, statusId: confirmed[0]!.id, channelId: (await db.select().from(s.salesChannels).where(eq(s.salesChannels.sellerId, sellerId)))[0]!.id })
    .returning();
  await db.insert(s.salesOrderLines).values({ sellerId, orderId: order!.id, productId, quantity: 50, unitPrice: 10000 });
  const sold = await queryRows<{ imei: string; organization_id: number }>(db, sql`
    select d.imei, o.organization_id from devices d join sales_order_lines l on l.id = d.order_line_id
    join sales_orders o on o.id = l.order_id where d.seller_id = ${sellerId} limit 50`);
  const paste = free.map((d) => d.imei).join('\n');
  const productIds = (await queryRows<{ id: number }>(db, sql`select id from products where seller_id = ${sellerId} order by id limit 5`)).map((r) => Number(r.id));

  const rows: string[][] = [];
  const base = { sellerId, pageSize: 25 };
  await time('orders list, page 1, no filter', () => listOrders(db, { ...base, page: 1 }), rows);
  await time('orders list, page 200 (offset 4,975)', () => listOrders(db, { ...base, page: 200 }), rows);
  await time('orders list, organization + open statuses', () => listOrders(db, { ...base, page: 1, organizationId: orgs[1]!.id, status: 'open' }), rows);
  await time('orders list, PO number search', () => listOrders(db, { ...base, page: 1, search: 'BENCH-4242' }), rows);
  await time('orders list, one month', () => listOrders(db, { ...base, page: 1, from: '2025-03-01', to: '2025-03-31' }), rows);
  await time('order page data (demo order 1001)', () => findOrderByNumber(db, { sellerId, number: 1001 }), rows);
  await time('product search for a line ("iphone 13")', () => findProductsForOrderLine(db, { sellerId, query: 'iphone 13' }), rows);
  await time('devices to pick, 5 products', () => devicesToPick(db, { sellerId, productIds }), rows);
  await time(
    'commit 50 pasted IMEIs (rolled back)',
    () =>
      db
        .transaction(async (tx) => {
          await commitDevicesToOrder(tx, { sellerId, orderNumber: 99_999, text: paste, actor });
          throw new Rollback();
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        }),
    rows,
  );
  await time(
    'RMA check of 50 pasted IMEIs',
    () =>
      checkRmaDevices(db, {
        sellerId,
        organizationId: Number(sold[0]!.organization_id),
        entries: sold.map((d, i) => ({ value: d.imei, line: i + 1 })),
      }),
    rows,
  );
  await time('RMA list, page 1', () => listRmas(db, { sellerId, page: 1, pageSize: 25 }), rows);
  await time('dashboard', () => dashboardSummary(db, { sellerId }), rows);

  const [{ n: devicesTotal }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices`)) as [{ n: number }];
  console.log(`\n${Number(devicesTotal).toLocaleString('en-US')} devices, ${(orderCount + 48).toLocaleString('en-US')} orders (PostgreSQL, warm cache)\n`);
  console.log('| query | median ms | max ms |\n|---|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
} finally {
  await database.close();
  if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
  else console.log(`kept database ${name}`);
  await admin.end();
}
