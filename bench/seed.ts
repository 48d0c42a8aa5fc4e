import { spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db';
import { queryRows } from '@/db/rows';
import { giveDevicesConditionData } from '@/db/seed/condition-backfill';

/**
 * The bench databases: the demo at an inventory size (scripts/seed.ts), plus
 * what the bench adds on top, each step idempotent so a seeded database is
 * reused: condition data (for databases seeded before the demo had it), 16
 * buyer organizations for the checkout case, and a history of orders for the
 * back office's orders list.
 */

export const BENCH_BUYERS = 16;
/** Marks the orders the bench seeded (invisible to people; unique per seller like a checkout key). */
const SEEDED_ORDER_KEY = 'bench-seed-';

const quiet = { max: 1, onnotice: () => {} } as const;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Devices the demo seeds for `size` Acme devices (Bolt gets a tenth, at least 200): what the reuse check expects. */
export function demoDeviceCount(size: number): number {
  return size + Math.max(200, Math.round(size / 10));
}

export type BenchDatabase = { url: string; seededSeconds: number | null; orders: number };

/** The database for one size: reused when its device count matches, otherwise dropped and seeded again. */
export async function benchDatabase(options: { adminUrl: string; name: string; size: number; orders: number }): Promise<BenchDatabase> {
  const { adminUrl, name, size } = options;
  const url = withDatabase(adminUrl, name);
  let seededSeconds: number | null = null;
  const admin = postgres(adminUrl, quiet);
  let reuse = false;
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const db = postgres(url, quiet);
      try {
        // A database seeded before the demo had price lists is seeded again: For Sale is measured with one in place.
        const [row] = await db<{ n: string; lists: string }[]>`select (select count(*) from devices) as n, (select count(*) from price_lists) as lists`.catch(() => [
          { n: '-1', lists: '0' },
        ]);
        reuse = Number(row!.n) === demoDeviceCount(size) && Number(row!.lists) > 0;
      } finally {
        await db.end();
      }
      if (!reuse) await admin.unsafe(`drop database ${name} with (force)`);
    }
    if (!reuse) await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  if (!reuse) {
    console.log(`seeding ${size.toLocaleString('en-US')} devices into ${name}…`);
    const started = performance.now();
    const run = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--devices', String(size)], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'development' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`seeding ${size} devices failed`);
    seededSeconds = (performance.now() - started) / 1000;
  }
  if (reuse) {
    // A database kept from an earlier run gets the migrations added since, before anything reads it.
    const database = await openDatabase({ url, migrate: true });
    await database.close();
  }
  const db = postgres(url, quiet);
  try {
    const added = (await ensureConditionData(url)) + (await ensureBuyers(db)) + (await ensureOrders(db, options.orders));
    if (added || !reuse) await db`analyze`;
    const [row] = await db<{ n: number }[]>`select count(*)::int as n from sales_orders o join sellers s on s.id = o.seller_id where s.slug = 'acme'`;
    return { url, seededSeconds, orders: row!.n };
  } finally {
    await db.end();
  }
}

/** Condition data for devices seeded before the demo had it (db/seed/condition-backfill.ts), so the battery case filters real data. */
async function ensureConditionData(url: string): Promise<number> {
  const database = await openDatabase({ url, migrate: false });
  try {
    const sellers = await queryRows<{ id: number }>(database.db, sql`select id from sellers order by id`);
    let updated = 0;
    for (const { id } of sellers) updated += await giveDevicesConditionData(database.db, { sellerId: id });
    if (updated) console.log(`gave ${updated.toLocaleString('en-US')} devices condition data`);
    return updated;
  } finally {
    await database.close();
  }
}

/**
 * 16 more customer organizations of Acme, one active buyer each (the demo's
 * password hash), for the checkout case; on Northwind's price list, so
 * checkout prices through it as For Sale does.
 */
async function ensureBuyers(db: postgres.Sql): Promise<number> {
  const organizations = await db`
    insert into organizations (seller_id, name, email, phone, billing_address, price_list_id)
    select s.id, 'Bench Buyer ' || lpad(g::text, 2, '0'), 'accounts@bench-buyer-' || g || '.example', '+1 555 0199',
      '{"line1":"1 Commerce Way","city":"Springfield","postalCode":"12345","country":"US"}'::jsonb,
      (select o.price_list_id from organizations o where o.seller_id = s.id and o.name = 'Northwind Traders')
    from sellers s cross join generate_series(1, ${BENCH_BUYERS}::int) g
    where s.slug = 'acme'
      and not exists (select 1 from organizations o where o.seller_id = s.id and o.name = 'Bench Buyer ' || lpad(g::text, 2, '0'))
    returning id, seller_id`;
  // Each bench buyer ships to one default address, as checkout snapshots it.
  for (const org of organizations) {
    await db`
      insert into organization_addresses (seller_id, organization_id, label, line1, city, postal_code, country, is_default)
      values (${org.seller_id}, ${org.id}, 'Main', '9 Dock Road', 'Springfield', '12346', 'US', true)`;
  }
  const accounts = await db`
    insert into portal_accounts (seller_id, organization_id, name, email, status, password_hash, activated_at)
    select o.seller_id, o.id, o.name, 'buyer@' || split_part(o.email, '@', 2), 'active',
      (select a.password_hash from portal_accounts a where a.seller_id = o.seller_id and a.email = 'buyer@northwind.example'), now()
    from organizations o join sellers s on s.id = o.seller_id
    where s.slug = 'acme' and o.name like 'Bench Buyer %'
    on conflict (seller_id, lower(email)) do nothing`;
  return organizations.count + accounts.count;
}

/**
 * A history of `target` orders for Acme, written once with generate_series:
 * two years of dates, every organization, the seller's statuses (mostly
 * shipped, recent ones open), channels and payment methods, PO numbers on
 * most, 1–3 lines of real products at their list prices. Numbers continue
 * the seller's counter, which is moved past them. No devices are committed
 * (availability, and so For Sale, stays as seeded).
 */
async function ensureOrders(db: postgres.Sql, target: number): Promise<number> {
  const [have] = await db<{ n: number }[]>`select count(*)::int as n from sales_orders where idempotency_key like ${SEEDED_ORDER_KEY + '%'}`;
  const missing = target - have!.n;
  if (missing <= 0) return 0;
  console.log(`seeding ${missing.toLocaleString('en-US')} orders…`);
  await db.begin(async (tx) => {
    const [ctx] = await tx<{ seller: number; last: number }[]>`
      select s.id as seller, coalesce(c.last_number, 0) as last
      from sellers s left join document_counters c on c.seller_id = s.id and c.kind = 'sales_order'
      where s.slug = 'acme'`;
    const { seller, last } = ctx!;
    await tx`
      with orgs as (select array_agg(id order by id) as a from organizations where seller_id = ${seller}),
        st as (select array_agg(id order by position) as a from order_statuses where seller_id = ${seller}),
        ch as (select array_agg(id order by id) as a from sales_channels where seller_id = ${seller}),
        pm as (select array_agg(id order by id) as a from payment_methods where seller_id = ${seller})
      insert into sales_orders (seller_id, number, organization_id, status_id, channel_id, payment_method_id, po_number, notes, idempotency_key, created_at, updated_at)
      select ${seller}, ${last}::int + g, orgs.a[1 + (g * 7) % cardinality(orgs.a)],
        -- the statuses in their order: Awaiting Confirmation, Confirmed, Shipped, Cancelled
        st.a[case when g > ${missing}::int - 40 then 1 + g % 2 when g % 13 = 0 then 4 else 3 end],
        ch.a[1 + g % cardinality(ch.a)], pm.a[1 + g % 2],
        case when g % 5 < 3 then 'PO-' || (30000 + ${have!.n}::int + g) end,
        case when g % 9 = 0 then 'Please ship with the next pallet.' end,
        ${SEEDED_ORDER_KEY} || (${last}::int + g),
        now() - (interval '730 days') * (1 - g::float8 / ${missing}::int) - interval '1 hour',
        now() - (interval '730 days') * (1 - g::float8 / ${missing}::int) - interval '1 hour'
      from generate_series(1, ${missing}::int) g, orgs, st, ch, pm`;
    await tx`
      with p as (select array_agg(id order by id) as a from products where seller_id = ${seller})
      insert into sales_order_lines (seller_id, order_id, product_id, quantity, unit_price, position)
      select o.seller_id, o.id, pr.id, 1 + (o.number * k) % 10, pr.list_price, k - 1
      from sales_orders o cross join generate_series(1, 3) k cross join p
      join products pr on pr.id = p.a[1 + (o.number * 31 + k * 977) % cardinality(p.a)]
      where o.seller_id = ${seller} and o.number > ${last}::int and k <= 1 + o.number % 3`;
    await tx`
      insert into document_counters (seller_id, kind, last_number) values (${seller}, 'sales_order', ${last}::int + ${missing}::int)
      on conflict (seller_id, kind) do update set last_number = excluded.last_number`;
  });
  return missing;
}
