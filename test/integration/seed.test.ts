import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { isValidImei } from '@/lib/imei';
import { seedDemo, SeedRefusedError } from '@/db/seed/demo';
import { verifyPassword } from '@/lib/auth/password';
import { listCustomerInvoices } from '@/db/queries/portal/invoices/list-invoices';
import { organizationCreditBalance } from '@/db/queries/invoices/credit-balance';
import { isoDay } from '@/lib/format/dates';
import { listCustomerQuotes, listQuotes } from '@/db/queries/quotes/list-quotes';
import { QUOTE_STATUSES } from '@/lib/validation/quotes';
import { createTestDatabase, type TestDatabase } from '../support/test-db';

describe('demo seed', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    await seedDemo(database.db, { devices: 3000 });
  });
  afterAll(() => database.close());

  it('builds both sellers with devices whose IMEIs are valid', async () => {
    const { db } = database;
    const sellers = await db.select().from(s.sellers).orderBy(s.sellers.id);
    expect(sellers.map((x) => x.slug)).toEqual(['acme', 'bolt']);
    const [devices] = await db.select({ n: count() }).from(s.devices);
    expect(devices!.n).toBe(3000 + 300);
    const sample = await db.select({ imei: s.devices.imei }).from(s.devices).orderBy(sql`random()`).limit(500);
    for (const { imei } of sample) expect(isValidImei(imei!), imei!).toBe(true);
  });

  it('relies on the unique index for the rest: a duplicate IMEI of the same seller is refused', async () => {
    const { db } = database;
    const [device] = await db.select().from(s.devices).limit(1);
    const copy = { ...device!, id: undefined };
    await expect(db.insert(s.devices).values(copy)).rejects.toThrow();
    const indexes = await queryRows<{ indexdef: string }>(
      db,
      sql`select indexdef from pg_indexes where indexname = 'devices_seller_imei_unique'`,
    );
    expect(indexes[0]?.indexdef).toMatch(/UNIQUE INDEX .* \(seller_id, imei\)/);
  });

  it('gives every demo product a locally drawn photo and describes the demo grades', async () => {
    const { db } = database;
    const [bare] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from products p where not exists (select 1 from photos ph where ph.product_id = p.id)`);
    expect(bare!.n).toBe(0);
    // One picture per model and colour of each seller (the seller's name is drawn on it, so no two sellers share one).
    const [images] = await queryRows<{ n: number; shared: number }>(db, sql`
      select count(*)::int as n, (select count(*)::int from (select sha256 from photo_images group by sha256 having count(*) > 1) x) as shared from photo_images`);
    expect(images!.n).toBeGreaterThan(20);
    expect(images!.shared).toBe(0);
    const grades = await db.select({ grade: s.gradeDescriptions.grade, title: s.gradeDescriptions.title }).from(s.gradeDescriptions).orderBy(s.gradeDescriptions.sellerId, s.gradeDescriptions.position);
    expect(grades.slice(0, 4)).toEqual([
      { grade: 'A+', title: 'Like new' },
      { grade: 'A', title: 'Excellent' },
      { grade: 'B', title: 'Light scratches' },
      { grade: 'C', title: 'Visible wear' },
    ]);
  });

  it('seeds the demo logins with the documented password', async () => {
    const { db } = database;
    const [owner] = await db.select().from(s.staffUsers).where(eq(s.staffUsers.email, 'owner@acme.example'));
    expect(owner?.role).toBe('owner');
    expect(await verifyPassword('tradepost-demo', owner!.passwordHash!)).toBe(true);
    const buyers = await db.select().from(s.portalAccounts).where(eq(s.portalAccounts.email, 'buyer@northwind.example'));
    expect(buyers).toHaveLength(2);
    expect(new Set(buyers.map((b) => b.sellerId)).size).toBe(2);
  });

  it('gives every device realistic condition data, and committed devices their condition at sale', async () => {
    const { db } = database;
    const [c] = await queryRows<Record<string, number>>(db, sql`
      select count(*)::int as n,
             count(*) filter (where battery_health between 72 and 100)::int as battery,
             count(*) filter (where battery_health >= 90)::int as high,
             count(*) filter (where battery_cycles is not null)::int as cycles,
             count(*) filter (where carrier_lock = 'unlocked')::int as unlocked,
             count(*) filter (where carrier_lock = 'locked' and carrier in ('AT&T', 'Verizon', 'T-Mobile'))::int as locked,
             count(*) filter (where blacklist_status = 'clean')::int as clean,
             count(*) filter (where blacklist_status = 'unknown')::int as unknown,
             count(*) filter (where activation_lock = 'off')::int as off,
             count(*) filter (where functional_test = 'fail' and cardinality(failed_checks) > 0)::int as fails,
             count(*) filter (where functional_test = 'pass' and cardinality(failed_checks) = 0)::int as passes,
             count(*) filter (where tested_at between now() - interval '60 days' and now() and test_source = 'Phonecheck')::int as tested,
             count(*) filter (where order_line_id is not null)::int as committed,
             count(*) filter (where order_line_id is not null and (sold_condition ->> 'batteryHealth')::int = battery_health)::int as snapshots
      from devices`);
    const n = c!.n!;
    expect(c!.battery).toBe(n);
    expect(c!.high! / n).toBeGreaterThan(0.5);
    expect(c!.cycles).toBe(n);
    expect(c!.unlocked! / n).toBeGreaterThan(0.7);
    expect(c!.locked).toBeGreaterThan(0);
    expect(c!.clean! / n).toBeGreaterThan(0.9);
    expect(c!.unknown).toBeGreaterThan(0);
    expect(c!.off! / n).toBeGreaterThan(0.98);
    expect(c!.fails).toBeGreaterThan(0);
    expect(c!.fails! / n).toBeLessThan(0.1);
    expect(c!.fails! + c!.passes!).toBe(n);
    expect(c!.tested).toBe(n);
    expect(c!.committed).toBeGreaterThan(0);
    expect(c!.snapshots).toBe(c!.committed);
  });

  it('gives every page something: availability, orders with committed devices, invoices, RMAs', async () => {
    const { db } = database;
    const [available] = await db
      .select({ n: count() })
      .from(s.productAvailability)
      .where(sql`${s.productAvailability.quantity} > 0`);
    expect(available!.n).toBeGreaterThan(50);
    const [committed] = await db.select({ n: count() }).from(s.devices).where(sql`${s.devices.orderLineId} is not null`);
    expect(committed!.n).toBeGreaterThan(10);
    const [invoices] = await db.select({ n: count() }).from(s.invoices);
    expect(invoices!.n).toBeGreaterThan(3);
    const [rmas] = await db.select({ n: count() }).from(s.rmas);
    expect(rmas!.n).toBeGreaterThan(1);
    const drift = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from product_availability a where a.quantity <> (
            select count(*) from devices d where d.product_id = a.product_id and d.order_line_id is null
              and d.status_id in (select status_id from portal_for_sale_statuses where seller_id = d.seller_id)
              and d.warehouse_id in (select warehouse_id from portal_for_sale_warehouses where seller_id = d.seller_id))`,
    );
    expect(drift[0]!.n).toBe(0);
  });

  it('gives the demo quantity rules, a minimum order value at Acme and capped quantities at Bolt', async () => {
    const { db } = database;
    const rules = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from products where order_increment = 5 and min_order_quantity = 5`);
    expect(rules[0]!.n).toBeGreaterThan(0);
    const portals = await queryRows<{ slug: string; quantity_display: string; quantity_cap: number; min_order_value: unknown }>(
      db,
      sql`select s.slug, ps.quantity_display, ps.quantity_cap, ps.min_order_value from portal_settings ps join sellers s on s.id = ps.seller_id order by s.slug`,
    );
    expect(portals.map((p) => [p.slug, p.quantity_display, p.quantity_cap, p.min_order_value === null ? null : Number(p.min_order_value)])).toEqual([
      ['acme', 'exact', 50, 10_000],
      ['bolt', 'capped', 50, null],
    ]);
  });

  it('gives each demo buyer paid, unpaid, overdue and void invoices, and credit from an RMA', async () => {
    const { db } = database;
    const buyers = await db
      .select({ sellerId: s.portalAccounts.sellerId, organizationId: s.portalAccounts.organizationId })
      .from(s.portalAccounts)
      .where(eq(s.portalAccounts.email, 'buyer@northwind.example'));
    for (const scope of buyers) {
      const { rows, totals } = await listCustomerInvoices(db, { ...scope, today: isoDay(new Date()), page: 1, pageSize: 100 });
      expect(new Set(rows.map((r) => r.status)), `seller ${scope.sellerId}`).toEqual(new Set(['paid', 'unpaid', 'overdue', 'void']));
      expect(totals.overdue).toBeGreaterThan(0);
      const credit = await organizationCreditBalance(db, scope);
      expect(credit.entries.some((e) => e.kind === 'rma'), `seller ${scope.sellerId}`).toBe(true);
      expect(credit.total).toBeGreaterThan(0);
    }
  });

  it('gives every demo organization 2 or 3 shipping addresses with one default, and every demo order a ship-to', async () => {
    const { db } = database;
    const perOrganization = await queryRows<{ n: number; defaults: number }>(
      db,
      sql`select count(a.id)::int as n, count(a.id) filter (where a.is_default)::int as defaults
          from organizations o left join organization_addresses a on a.organization_id = o.id and a.seller_id = o.seller_id
          group by o.id`,
    );
    expect(perOrganization.length).toBe(6);
    for (const o of perOrganization) {
      expect(Number(o.n)).toBeGreaterThanOrEqual(2);
      expect(Number(o.n)).toBeLessThanOrEqual(3);
      expect(Number(o.defaults)).toBe(1);
    }
    const [orders] = await db.select({ n: count(), shipped: count(s.salesOrders.shipTo) }).from(s.salesOrders);
    expect(orders!.n).toBeGreaterThan(10);
    expect(orders!.shipped).toBe(orders!.n);
    // Not every order went to the default address.
    const elsewhere = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sales_orders o join organization_addresses a
          on a.organization_id = o.organization_id and a.seller_id = o.seller_id and a.is_default
          where o.ship_to->>'label' <> a.label`,
    );
    expect(Number(elsewhere[0]!.n)).toBeGreaterThan(0);
  });

  it('gives shipped orders tracking numbers, and the Shipped status emails the buyer', async () => {
    const { db } = database;
    const perSeller = await queryRows<{ slug: string; orders: number; shipments: number }>(
      db,
      sql`select se.slug, count(distinct o.id)::int as orders, count(sh.id)::int as shipments
          from sellers se
          join sales_orders o on o.seller_id = se.id
          join order_statuses st on st.id = o.status_id and st.name = 'Shipped'
          left join order_shipments sh on sh.order_id = o.id and sh.seller_id = se.id
          group by se.slug order by se.slug`,
    );
    expect(perSeller.map((r) => r.slug)).toEqual(['acme', 'bolt']);
    for (const r of perSeller) expect(Number(r.shipments)).toBeGreaterThan(Number(r.orders));
    const untracked = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from sales_orders o join order_statuses st on st.id = o.status_id and st.name = 'Shipped'
          where not exists (select 1 from order_shipments sh where sh.order_id = o.id)`,
    );
    expect(Number(untracked[0]!.n)).toBe(0);
    const shipped = await db.select().from(s.orderStatuses).where(eq(s.orderStatuses.name, 'Shipped'));
    expect(shipped).toHaveLength(2);
    for (const status of shipped) expect(status.emailBuyer).toBe(true);
  });

  it('gives each demo seller a quote in every state, the accepted one with its order, and the Northwind buyer several', async () => {
    const { db } = database;
    for (const seller of await db.select().from(s.sellers)) {
      const { rows } = await listQuotes(db, { sellerId: seller.id, page: 1, pageSize: 100 });
      expect(new Set(rows.map((r) => r.status)), seller.slug).toEqual(new Set(QUOTE_STATUSES));
      expect(rows.find((r) => r.status === 'accepted')!.orderNumber).not.toBeNull();
      const [northwind] = await db
        .select({ organizationId: s.portalAccounts.organizationId })
        .from(s.portalAccounts)
        .where(sql`${s.portalAccounts.sellerId} = ${seller.id} and ${s.portalAccounts.email} = 'buyer@northwind.example'`);
      const own = await listCustomerQuotes(db, { sellerId: seller.id, organizationId: northwind!.organizationId, page: 1, pageSize: 100 });
      expect(own.rows.map((r) => r.status)).toEqual(expect.arrayContaining(['requested', 'answered', 'accepted']));
    }
  });

  it('refuses to run again without --reset, and refuses a database with non-demo data', async () => {
    const { db } = database;
    await expect(seedDemo(db, { devices: 10 })).rejects.toBeInstanceOf(SeedRefusedError);
    await db.insert(s.sellers).values({ slug: 'real-customer', name: 'Real', isDemo: false });
    await expect(seedDemo(db, { devices: 10, reset: true })).rejects.toThrow(/not demo data/);
    const [sellers] = await db.select({ n: count() }).from(s.sellers);
    expect(sellers!.n).toBe(3);
  });
});
