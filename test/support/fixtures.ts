import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { sequentialImei } from '@/lib/imei';
import { queryRows } from '@/db/rows';
import {
  inventoryStatusNames,
  orderStatusSeeds,
  paymentMethodSeeds,
  salesChannelNames,
} from '@/db/seed/catalog-data';

/**
 * Small, explicit builders for integration tests: a seller with the seeded
 * catalogues and a configured, enabled portal (Available + Listed statuses,
 * warehouses MAIN + OVF, "Awaiting Confirmation", "B2B Portal", Wire + Net 30).
 */
let imeiCounter = 0;
let sequence = 0;

export async function buildSeller(db: Db, options: { slug?: string; currency?: string } = {}) {
  const slug = options.slug ?? `seller-${++sequence}-${Math.random().toString(36).slice(2, 7)}`;
  const [seller] = await db
    .insert(s.sellers)
    .values({ slug, name: `Seller ${slug}`, currency: options.currency ?? 'USD' })
    .returning();
  const sellerId = seller!.id;
  const statuses = await db
    .insert(s.inventoryStatuses)
    .values(inventoryStatusNames.map((name, position) => ({ sellerId, name, position })))
    .returning();
  const warehouses = await db
    .insert(s.warehouses)
    .values([
      { sellerId, name: 'Main', code: 'MAIN' },
      { sellerId, name: 'Overflow', code: 'OVF' },
      { sellerId, name: 'Repair', code: 'RC' },
    ])
    .returning();
  const orderStatuses = await db
    .insert(s.orderStatuses)
    .values(orderStatusSeeds.map((o, position) => ({ sellerId, ...o, position })))
    .returning();
  const channels = await db
    .insert(s.salesChannels)
    .values(salesChannelNames.map((name) => ({ sellerId, name })))
    .returning();
  const paymentMethods = await db
    .insert(s.paymentMethods)
    .values(paymentMethodSeeds.map((m) => ({ sellerId, ...m })))
    .returning();
  const status = (name: string) => statuses.find((x) => x.name === name)!;
  const warehouse = (code: string) => warehouses.find((x) => x.code === code)!;
  const orderStatus = (name: string) => orderStatuses.find((x) => x.name === name)!;
  const channel = (name: string) => channels.find((x) => x.name === name)!;
  const paymentMethod = (name: string) => paymentMethods.find((x) => x.name === name)!;

  await db.insert(s.portalSettings).values({
    sellerId,
    enabled: true,
    initialOrderStatusId: orderStatus('Awaiting Confirmation').id,
    salesChannelId: channel('B2B Portal').id,
    displayName: `Seller ${slug}`,
  });
  await db.insert(s.portalForSaleStatuses).values([
    { sellerId, statusId: status('Available').id },
    { sellerId, statusId: status('Listed').id },
  ]);
  await db.insert(s.portalForSaleWarehouses).values([
    { sellerId, warehouseId: warehouse('MAIN').id },
    { sellerId, warehouseId: warehouse('OVF').id },
  ]);
  await db.insert(s.portalPaymentMethods).values([
    { sellerId, paymentMethodId: paymentMethod('Wire transfer').id },
    { sellerId, paymentMethodId: paymentMethod('Net 30').id },
  ]);

  return { seller: seller!, sellerId, statuses, warehouses, orderStatuses, channels, paymentMethods, status, warehouse, orderStatus, channel, paymentMethod };
}

export type SellerFixture = Awaited<ReturnType<typeof buildSeller>>;

export async function addProduct(
  db: Db,
  seller: SellerFixture,
  values: Partial<typeof s.products.$inferInsert> = {},
) {
  const n = ++sequence;
  const [product] = await db
    .insert(s.products)
    .values({
      sellerId: seller.sellerId,
      sku: `SKU-${n}`,
      manufacturer: 'Apple',
      model: `iPhone ${n}`,
      capacity: '128GB',
      color: 'Black',
      network: 'Unlocked',
      grade: 'A',
      listPrice: 10000,
      ...values,
    })
    .returning();
  return product!;
}

/** Adds `count` devices of a product; defaults to Available in MAIN, uncommitted. */
export async function addDevices(
  db: Db,
  seller: SellerFixture,
  productId: number,
  count: number,
  options: { status?: string; warehouse?: string } = {},
) {
  const statusId = seller.status(options.status ?? 'Available').id;
  const warehouseId = seller.warehouse(options.warehouse ?? 'MAIN').id;
  const rows = Array.from({ length: count }, () => ({
    sellerId: seller.sellerId,
    imei: sequentialImei(++imeiCounter + process.pid * 1000, '99'),
    productId,
    statusId,
    warehouseId,
    cost: 5000,
  }));
  return db.insert(s.devices).values(rows).returning();
}

export async function addOrganization(db: Db, seller: SellerFixture, name = `Org ${++sequence}`) {
  const [org] = await db
    .insert(s.organizations)
    .values({ sellerId: seller.sellerId, name, email: `accounts@${name.toLowerCase().replace(/\W+/g, '')}.example` })
    .returning();
  return org!;
}

export async function addPortalAccount(
  db: Db,
  seller: SellerFixture,
  organizationId: number,
  values: Partial<typeof s.portalAccounts.$inferInsert> = {},
) {
  const [account] = await db
    .insert(s.portalAccounts)
    .values({
      sellerId: seller.sellerId,
      organizationId,
      name: 'Test Buyer',
      email: `buyer${++sequence}@example.test`,
      status: 'active',
      ...values,
    })
    .returning();
  return account!;
}

/** Available quantity as the triggers keep it (0 when the product has no row). */
export async function availableQuantity(db: Db, productId: number): Promise<number> {
  const [row] = await db
    .select({ quantity: s.productAvailability.quantity })
    .from(s.productAvailability)
    .where(eq(s.productAvailability.productId, productId));
  return row?.quantity ?? 0;
}

/** Available quantity counted from the devices themselves (statuses, warehouses, sellable rules), to check the triggers against. */
export async function countedAvailableQuantity(db: Db, productId: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from devices d
    where d.product_id = ${productId} and d.order_line_id is null
      and d.status_id in (select status_id from portal_for_sale_statuses where seller_id = d.seller_id)
      and d.warehouse_id in (select warehouse_id from portal_for_sale_warehouses where seller_id = d.seller_id)
      and not exists (select 1 from portal_settings ps where ps.seller_id = d.seller_id and (
        (ps.hide_blacklisted and d.blacklist_status = 'blacklisted') or (ps.hide_unknown_blacklist and d.blacklist_status = 'unknown')
        or (ps.hide_activation_locked and 'on' in (d.activation_lock, d.mdm_lock, d.frp_lock))
        or (ps.hide_failed_test and d.functional_test is not distinct from 'fail')))`);
  return Number(rows[0]?.n ?? 0);
}
