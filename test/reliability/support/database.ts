import { inject } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db';
import { queryRows } from '@/db/rows';
import { sequentialImei } from '@/lib/imei';

/** The suite's own connection to the cluster's database, to arrange scenes and check what was stored. */
let database: Promise<Database> | undefined;
let databaseUrl: string | undefined;

/** Another suite's database for these helpers (the cluster suite's); the reliability suite's by default. */
export function setHelperDatabaseUrl(url: string): void {
  databaseUrl = url;
}

export function clusterDb() {
  database ??= openDatabase({ url: databaseUrl ?? inject('reliability').databaseUrl, migrate: false });
  return database.then((d) => d.db);
}

export async function rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  return queryRows<T>(await clusterDb(), query);
}

export async function closeClusterDb(): Promise<void> {
  if (database) await (await database).close();
  database = undefined;
}

/** The demo seller of a portal slug, with what checkout needs. */
export async function sellerScene(slug: string) {
  const [seller] = await rows<{ id: number }>(sql`select id from sellers where slug = ${slug}`);
  const [payment] = await rows<{ id: number }>(sql`
    select payment_method_id as id from portal_payment_methods where seller_id = ${seller!.id} order by payment_method_id limit 1`);
  const [owner] = await rows<{ id: number }>(sql`
    select id from staff_users where seller_id = ${seller!.id} and role = 'owner' and status = 'active' order by id limit 1`);
  return { sellerId: seller!.id, paymentMethodId: payment!.id, ownerId: owner!.id };
}

/** `count` organizations of one seller, each with one active portal account. */
export async function addBuyers(sellerId: number, count: number, label: string) {
  const buyers: { organizationId: number; portalAccountId: number }[] = [];
  for (let i = 0; i < count; i++) {
    const [org] = await rows<{ id: number }>(sql`
      insert into organizations (seller_id, name, email) values (${sellerId}, ${`${label} ${i + 1}`}, ${`${label.toLowerCase()}${i + 1}@buyers.example`})
      returning id`);
    const [account] = await rows<{ id: number }>(sql`
      insert into portal_accounts (seller_id, organization_id, name, email, status)
      values (${sellerId}, ${org!.id}, ${`Buyer ${i + 1}`}, ${`buyer${i + 1}@${label.toLowerCase()}.example`}, 'active')
      returning id`);
    buyers.push({ organizationId: org!.id, portalAccountId: account!.id });
  }
  return buyers;
}

/** Every product_availability row of a seller that disagrees with a recount from devices (should be none). */
export async function availabilityMismatches(sellerId: number) {
  return rows<{ product_id: number; kept: number; counted: number }>(sql`
    select p.id as product_id, coalesce(a.quantity, 0) as kept, c.n as counted
    from products p
    left join product_availability a on a.product_id = p.id
    cross join lateral (
      select count(*)::int as n from devices d
      where d.product_id = p.id and d.order_line_id is null
        and d.status_id in (select status_id from portal_for_sale_statuses where seller_id = d.seller_id)
        and d.warehouse_id in (select warehouse_id from portal_for_sale_warehouses where seller_id = d.seller_id)
        and not exists (select 1 from portal_settings ps where ps.seller_id = d.seller_id and (
          (ps.hide_blacklisted and d.blacklist_status = 'blacklisted') or (ps.hide_unknown_blacklist and d.blacklist_status = 'unknown')
          or (ps.hide_activation_locked and 'on' in (d.activation_lock, d.mdm_lock, d.frp_lock))
          or (ps.hide_failed_test and d.functional_test is not distinct from 'fail')))) c
    where p.seller_id = ${sellerId} and coalesce(a.quantity, 0) <> c.n`);
}

let imeiSerial = 0;

/** `count` sellable devices of a product (a For Sale status, in a For Sale warehouse), with fresh IMEIs. */
export async function addSellableDevices(sellerId: number, productId: number, count: number): Promise<string[]> {
  const [place] = await rows<{ status_id: number; warehouse_id: number }>(sql`
    select (select status_id from portal_for_sale_statuses where seller_id = ${sellerId} order by status_id limit 1) as status_id,
           (select warehouse_id from portal_for_sale_warehouses where seller_id = ${sellerId} order by warehouse_id limit 1) as warehouse_id`);
  const imeis = Array.from({ length: count }, () => sequentialImei(process.pid * 10_000 + ++imeiSerial, '98'));
  await rows(sql`
    insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost)
    select ${sellerId}, imei, ${productId}, ${place!.status_id}, ${place!.warehouse_id}, 5000
    from unnest(string_to_array(${imeis.join(",")}, ',')) as imei`);
  return imeis;
}
