import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { batteryBand } from '@/lib/device-condition';

/** The sellable rules of a seller as the portal settings hold them. */
export type SellableRules = {
  hideBlacklisted: boolean;
  hideUnknownBlacklist: boolean;
  hideActivationLocked: boolean;
  hideFailedTest: boolean;
};

type DeviceRow = {
  product_id: number;
  status_id: number;
  warehouse_id: number;
  order_line_id: number | null;
  battery_health: number | null;
  carrier_lock: string;
  blacklist_status: string;
  activation_lock: string;
  mdm_lock: string;
  frp_lock: string;
  functional_test: string | null;
};

/** Whether a device counts toward For Sale, decided here in TypeScript (not by the database's predicate). */
export function countsForSale(
  d: DeviceRow,
  chosen: { statuses: Set<number>; warehouses: Set<number> },
  rules: SellableRules,
): boolean {
  if (d.order_line_id !== null) return false;
  if (!chosen.statuses.has(d.status_id) || !chosen.warehouses.has(d.warehouse_id)) return false;
  if (rules.hideBlacklisted && d.blacklist_status === 'blacklisted') return false;
  if (rules.hideUnknownBlacklist && d.blacklist_status === 'unknown') return false;
  if (rules.hideActivationLocked && [d.activation_lock, d.mdm_lock, d.frp_lock].includes('on')) return false;
  if (rules.hideFailedTest && d.functional_test === 'fail') return false;
  return true;
}

/**
 * Recounts a seller's availability from its devices in TypeScript and returns every
 * product_availability row and every cell that disagrees with it (none when the triggers are exact).
 */
export async function availabilityRecountMismatches(db: DbOrTx, sellerId: number) {
  const [devices, statuses, warehouses, settings, kept, cells, products] = await Promise.all([
    queryRows<DeviceRow>(db, sql`
      select product_id, status_id, warehouse_id, order_line_id, battery_health, carrier_lock, blacklist_status,
        activation_lock, mdm_lock, frp_lock, functional_test
      from devices where seller_id = ${sellerId}`),
    queryRows<{ id: number }>(db, sql`select status_id as id from portal_for_sale_statuses where seller_id = ${sellerId}`),
    queryRows<{ id: number }>(db, sql`select warehouse_id as id from portal_for_sale_warehouses where seller_id = ${sellerId}`),
    queryRows<SellableRules>(db, sql`
      select hide_blacklisted as "hideBlacklisted", hide_unknown_blacklist as "hideUnknownBlacklist",
        hide_activation_locked as "hideActivationLocked", hide_failed_test as "hideFailedTest"
      from portal_settings where seller_id = ${sellerId}`),
    queryRows<{ product_id: number; quantity: number }>(db, sql`select product_id, quantity from product_availability where seller_id = ${sellerId}`),
    queryRows<{ product_id: number; battery_band: string; carrier_lock: string; quantity: number }>(db, sql`
      select product_id, battery_band, carrier_lock, quantity from product_availability_cells where seller_id = ${sellerId}`),
    queryRows<{ id: number }>(db, sql`select id from products where seller_id = ${sellerId}`),
  ]);
  const chosen = { statuses: new Set(statuses.map((r) => r.id)), warehouses: new Set(warehouses.map((r) => r.id)) };
  const rules = settings[0] ?? { hideBlacklisted: false, hideUnknownBlacklist: false, hideActivationLocked: false, hideFailedTest: false };
  const byProduct = new Map<number, number>();
  const byCell = new Map<string, number>();
  for (const d of devices) {
    if (!countsForSale(d, chosen, rules)) continue;
    byProduct.set(d.product_id, (byProduct.get(d.product_id) ?? 0) + 1);
    const key = `${d.product_id}|${batteryBand(d.battery_health)}|${d.carrier_lock}`;
    byCell.set(key, (byCell.get(key) ?? 0) + 1);
  }
  const mismatches: string[] = [];
  const keptByProduct = new Map(kept.map((r) => [r.product_id, Number(r.quantity)]));
  for (const { id } of products) {
    const k = keptByProduct.get(id) ?? 0;
    const c = byProduct.get(id) ?? 0;
    if (k !== c) mismatches.push(`product ${id}: kept ${k}, counted ${c}`);
  }
  const keptCells = new Map(cells.map((r) => [`${r.product_id}|${r.battery_band}|${r.carrier_lock}`, Number(r.quantity)]));
  for (const key of new Set([...keptCells.keys(), ...byCell.keys()])) {
    const k = keptCells.get(key) ?? 0;
    const c = byCell.get(key) ?? 0;
    if (k !== c) mismatches.push(`cell ${key}: kept ${k}, counted ${c}`);
  }
  // The aggregate's own invariant: a product's quantity is the sum of its cells.
  const cellSums = new Map<number, number>();
  for (const r of cells) cellSums.set(r.product_id, (cellSums.get(r.product_id) ?? 0) + Number(r.quantity));
  for (const [id, q] of keptByProduct) if ((cellSums.get(id) ?? 0) !== q) mismatches.push(`product ${id}: ${q} but its cells sum to ${cellSums.get(id) ?? 0}`);
  return { mismatches, counted: [...byProduct.values()].reduce((a, b) => a + b, 0) };
}
