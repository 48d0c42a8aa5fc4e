import { and, count, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db';
import {
  devices,
  invoices,
  portalForSaleStatuses,
  portalForSaleWarehouses,
  portalPaymentMethods,
  portalSettings,
  salesOrders,
} from '@/db/schema';
import { plural } from '@/lib/settings/words';

/**
 * Where a catalogue entry is still used, as phrases for the refusal message
 * ("holds 7,120 devices", "is chosen in Customer Portal settings"). Counted
 * only on the delete path, with the seller-leading indexes; never on page load.
 */

/** How many rows of the seller's `table` point at the entry through `column`. */
async function rowsUsing(
  db: DbOrTx,
  table: PgTable & { sellerId: AnyPgColumn },
  column: AnyPgColumn,
  params: { sellerId: number; id: number },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(and(eq(table.sellerId, params.sellerId), eq(column, params.id)));
  return Number(row?.n ?? 0);
}

/** The phrases of the uses that have a count, in the order given. */
async function uses(checks: [Promise<number>, (n: number) => string][]): Promise<string[]> {
  const counts = await Promise.all(checks.map(([n]) => n));
  return checks.flatMap(([, phrase], i) => (counts[i] ? [phrase(counts[i]!)] : []));
}

export function warehouseUsage(db: DbOrTx, params: { sellerId: number; warehouseId: number }): Promise<string[]> {
  const entry = { sellerId: params.sellerId, id: params.warehouseId };
  return uses([
    [rowsUsing(db, devices, devices.warehouseId, entry), (n) => `holds ${plural(n, 'device')}`],
    [rowsUsing(db, portalForSaleWarehouses, portalForSaleWarehouses.warehouseId, entry), () => 'is chosen in Customer Portal settings'],
  ]);
}

export function inventoryStatusUsage(db: DbOrTx, params: { sellerId: number; statusId: number }): Promise<string[]> {
  const entry = { sellerId: params.sellerId, id: params.statusId };
  return uses([
    [rowsUsing(db, devices, devices.statusId, entry), (n) => `is set on ${plural(n, 'device')}`],
    [
      rowsUsing(db, portalForSaleStatuses, portalForSaleStatuses.statusId, entry),
      () => 'counts toward For Sale in Customer Portal settings',
    ],
  ]);
}

export function orderStatusUsage(db: DbOrTx, params: { sellerId: number; statusId: number }): Promise<string[]> {
  const entry = { sellerId: params.sellerId, id: params.statusId };
  return uses([
    [rowsUsing(db, salesOrders, salesOrders.statusId, entry), (n) => `is used by ${plural(n, 'order')}`],
    [
      rowsUsing(db, portalSettings, portalSettings.initialOrderStatusId, entry),
      () => 'is the initial order status in Customer Portal settings',
    ],
  ]);
}

export function salesChannelUsage(db: DbOrTx, params: { sellerId: number; channelId: number }): Promise<string[]> {
  const entry = { sellerId: params.sellerId, id: params.channelId };
  return uses([
    [rowsUsing(db, salesOrders, salesOrders.channelId, entry), (n) => `is used by ${plural(n, 'order')}`],
    [rowsUsing(db, portalSettings, portalSettings.salesChannelId, entry), () => 'is chosen in Customer Portal settings'],
  ]);
}

export function paymentMethodUsage(db: DbOrTx, params: { sellerId: number; methodId: number }): Promise<string[]> {
  const entry = { sellerId: params.sellerId, id: params.methodId };
  return uses([
    [
      rowsUsing(db, portalPaymentMethods, portalPaymentMethods.paymentMethodId, entry),
      () => 'is offered at checkout in Customer Portal settings',
    ],
    [rowsUsing(db, salesOrders, salesOrders.paymentMethodId, entry), (n) => `is used by ${plural(n, 'order')}`],
    [rowsUsing(db, invoices, invoices.paymentMethodId, entry), (n) => `appears on ${plural(n, 'invoice')}`],
  ]);
}
