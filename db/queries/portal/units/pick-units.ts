import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { describeProduct } from '@/lib/products';
import { Refusal } from '@/lib/refusal';

/**
 * Buying specific units (the seller's "Buyers may pick units"): a product page lists the available units,
 * the buyer puts exact units in the cart (`cart_units`, which reserves nothing, like the cart), and
 * checkout holds them for the order (`unit_holds`, one hold per device). Every id from the browser is
 * checked again here: the seller's own device, of a product for sale, counting for sale under the
 * statuses, warehouses and sellable rules, not committed and not held.
 */
export const UNITS_PAGE_SIZE = 25;

export type UnitsScope = { sellerId: number; portalAccountId: number };

/** A unit as a buyer may see it: never the whole IMEI or serial. */
export type AvailableUnit = {
  id: number;
  /** "•••• 3809": the last four digits of the IMEI (or characters of the serial). */
  identifierTail: string;
  batteryHealth: number | null;
  batteryCycles: number | null;
  carrierLock: string;
  carrier: string | null;
  blacklistStatus: string;
  activationLock: string;
  functionalTest: string | null;
  failedChecks: string[];
  cosmeticNotes: string | null;
  /** Already in this buyer's cart. */
  picked: boolean;
};

/** The last four characters of a unit's IMEI (else serial), masked: what the buyer and every refusal names. */
export const maskedTail = (identifier: string | null) => `•••• ${(identifier ?? '').slice(-4)}`;

/** The device `d` counts toward For Sale now (statuses, warehouses, sellable rules, uncommitted) and is held by no order. */
export const pickableDevice = sql`tp_device_counts_for_sale(d.seller_id, d.status_id, d.warehouse_id, d.order_line_id,
    d.blacklist_status, d.activation_lock, d.mdm_lock, d.frp_lock, d.functional_test)
  and not exists (select 1 from unit_holds h where h.device_id = d.id)`;

/** Whether the seller lets buyers pick units. */
async function picking(db: DbOrTx, sellerId: number): Promise<boolean> {
  const [row] = await queryRows<{ on: boolean }>(db, sql`select buyers_may_pick_units as on from portal_settings where seller_id = ${sellerId}`);
  return row?.on === true;
}

function refuseOff(): never {
  throw new Refusal('This portal does not let buyers pick units.', { code: 'forbidden' });
}

const unitColumns = (scope: UnitsScope): SQL => sql`d.id, coalesce(d.imei, d.serial) as identifier,
  d.battery_health as "batteryHealth", d.battery_cycles as "batteryCycles", d.carrier_lock as "carrierLock", d.carrier,
  d.blacklist_status as "blacklistStatus", d.activation_lock as "activationLock", d.functional_test as "functionalTest",
  d.failed_checks as "failedChecks", d.cosmetic_notes as "cosmeticNotes",
  exists (select 1 from cart_units cu where cu.portal_account_id = ${scope.portalAccountId} and cu.device_id = d.id) as picked`;

type RawUnit = Omit<AvailableUnit, 'identifierTail' | 'failedChecks'> & { identifier: string | null; failedChecks: unknown };

function toUnit(r: RawUnit): AvailableUnit {
  const { identifier, ...rest } = r;
  const failed = Array.isArray(r.failedChecks) ? (r.failedChecks as string[]) : [];
  return { ...rest, identifierTail: maskedTail(identifier), failedChecks: failed, picked: r.picked === true };
}

/**
 * One page of a product's pickable units (best battery first), paginated in the database, with the
 * number of pages' worth. Empty while picking is off.
 */
export async function availableUnits(
  db: DbOrTx,
  params: UnitsScope & { productId: number; page: number },
): Promise<{ units: AvailableUnit[]; total: number; enabled: boolean }> {
  if (!(await picking(db, params.sellerId))) return { units: [], total: 0, enabled: false };
  const offset = (Math.max(1, params.page) - 1) * UNITS_PAGE_SIZE;
  const rows = await queryRows<RawUnit & { total: number }>(db, sql`
    select ${unitColumns(params)}, count(*) over ()::int as total
    from devices d
    where d.seller_id = ${params.sellerId} and d.product_id = ${params.productId} and d.order_line_id is null and ${pickableDevice}
    order by d.battery_health desc nulls last, d.id
    limit ${UNITS_PAGE_SIZE} offset ${offset}`);
  return { units: rows.map(toUnit), total: Number(rows[0]?.total ?? 0), enabled: true };
}

/**
 * Puts exact units in the buyer's cart. Each id must be a pickable unit of the seller (another seller's
 * device, a committed, held or unsellable one is refused, naming its tail where it is the seller's own);
 * all or nothing. Units already in the cart stay once.
 */
export async function pickUnits(tx: DbOrTx, params: UnitsScope & { deviceIds: number[] }): Promise<{ picked: number }> {
  if (!(await picking(tx, params.sellerId))) refuseOff();
  const ids = [...new Set(params.deviceIds)];
  if (!ids.length) throw new Refusal('Choose at least one unit.', { code: 'invalid' });
  if (ids.length > 200) throw new Refusal('Pick at most 200 units at a time.', { code: 'invalid' });
  const found = await queryRows<{ id: number; identifier: string | null; ok: boolean; productId: number }>(tx, sql`
    select d.id, coalesce(d.imei, d.serial) as identifier, d.product_id as "productId",
      (${pickableDevice} and coalesce((select a.quantity from product_availability a where a.product_id = d.product_id), 0) > 0) as ok
    from devices d
    where d.seller_id = ${params.sellerId} and d.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
    for update of d`);
  const byId = new Map(found.map((f) => [f.id, f]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new Refusal('Some of these units are not for sale. Nothing was added.', { code: 'not_found' });
  const gone = found.filter((f) => !f.ok);
  if (gone.length) {
    throw new Refusal(`No longer available: ${gone.map((g) => maskedTail(g.identifier)).join(', ')}. Nothing was added.`, { code: 'short' });
  }
  await tx.execute(sql`
    insert into cart_units (seller_id, portal_account_id, device_id, product_id)
    select ${params.sellerId}, ${params.portalAccountId}, d.id, d.product_id from devices d
    where d.seller_id = ${params.sellerId} and d.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
    on conflict do nothing`);
  return { picked: ids.length };
}

/** Takes a picked unit out of the cart (another account's or seller's id changes nothing). */
export async function unpickUnit(db: DbOrTx, params: UnitsScope & { deviceId: number }): Promise<void> {
  await db.execute(sql`delete from cart_units where seller_id = ${params.sellerId} and portal_account_id = ${params.portalAccountId} and device_id = ${params.deviceId}`);
}

/** A picked unit in the cart, with whether it can still be checked out. */
export type PickedUnit = {
  deviceId: number;
  productId: number;
  /** The product as the portal names it ("Apple iPhone 13 · 128GB · Midnight · Unlocked · Grade A"). */
  product: string;
  identifierTail: string;
  batteryHealth: number | null;
  carrierLock: string;
  available: boolean;
};

/** The buyer's picked units, by product. With `lock`, the rows are locked (checkout). */
export async function pickedUnits(db: DbOrTx, params: UnitsScope & { lock?: boolean }): Promise<PickedUnit[]> {
  type Row = { deviceId: number; productId: number; identifier: string | null; batteryHealth: number | null; carrierLock: string; available: boolean;
    manufacturer: string; model: string; capacity: string; color: string; network: string; grade: string };
  const rows = await queryRows<Row>(db, sql`
    select cu.device_id as "deviceId", cu.product_id as "productId", coalesce(d.imei, d.serial) as identifier,
      d.battery_health as "batteryHealth", d.carrier_lock as "carrierLock", (${pickableDevice}) as available,
      p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
    from cart_units cu join devices d on d.id = cu.device_id and d.seller_id = cu.seller_id
    join products p on p.id = cu.product_id and p.seller_id = cu.seller_id
    where cu.seller_id = ${params.sellerId} and cu.portal_account_id = ${params.portalAccountId}
    order by cu.product_id, cu.added_at, cu.device_id
    ${params.lock ? sql`for update of cu` : sql``}`);
  return rows.map((r) => ({
    deviceId: r.deviceId,
    productId: r.productId,
    product: describeProduct(r),
    identifierTail: maskedTail(r.identifier),
    batteryHealth: r.batteryHealth,
    carrierLock: r.carrierLock,
    available: r.available === true,
  }));
}

/**
 * Holds picked units for the order lines they were checked out on, in checkout's transaction. The device
 * is the hold's key: a unit another order already holds is not inserted, and the checkout is refused
 * naming its tail (the transaction rolls back, nothing is written).
 */
export async function holdPickedUnits(
  tx: DbOrTx,
  params: { sellerId: number; orderId: number; holds: { orderLineId: number; deviceId: number; identifierTail: string }[] },
): Promise<void> {
  if (!params.holds.length) return;
  const held = await queryRows<{ deviceId: number }>(tx, sql`
    insert into unit_holds (device_id, seller_id, order_id, order_line_id)
    select device_id, ${params.sellerId}, ${params.orderId}, order_line_id
    from unnest(${`{${params.holds.map((h) => h.deviceId).join(',')}}`}::int[], ${`{${params.holds.map((h) => h.orderLineId).join(',')}}`}::int[]) as u(device_id, order_line_id)
    order by device_id
    on conflict (device_id) do nothing
    returning device_id as "deviceId"`);
  const got = new Set(held.map((h) => Number(h.deviceId)));
  const taken = params.holds.filter((h) => !got.has(h.deviceId));
  if (taken.length) {
    throw new Refusal(
      `Another buyer has just ordered ${taken.length === 1 ? 'this unit' : 'these units'}: ${taken.map((t) => t.identifierTail).join(', ')}. Remove ${taken.length === 1 ? 'it' : 'them'} from your cart and check out again.`,
      { code: 'short' },
    );
  }
}

/** The units held for an order, by line (the staff order page: exactly these are to be committed). */
export async function heldUnitsOfOrder(db: DbOrTx, params: { sellerId: number; orderId: number }) {
  return queryRows<{ orderLineId: number; deviceId: number; imei: string | null; serial: string | null; committed: boolean }>(db, sql`
    select h.order_line_id as "orderLineId", d.id as "deviceId", d.imei, d.serial, coalesce(d.order_line_id = h.order_line_id, false) as committed
    from unit_holds h join devices d on d.id = h.device_id and d.seller_id = h.seller_id
    where h.seller_id = ${params.sellerId} and h.order_id = ${params.orderId}
    order by h.order_line_id, d.id`);
}
