import { and, count, eq } from 'drizzle-orm';
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
import { plural } from './write';

/**
 * Where a catalogue entry is still used, as phrases for the refusal message
 * ("holds 7,120 devices", "is chosen in Customer Portal settings"). Counted
 * only on the delete path, with the seller-leading indexes; never on page load.
 */

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

export async function warehouseUsage(db: DbOrTx, sellerId: number, warehouseId: number): Promise<string[]> {
  const [held, chosen] = await Promise.all([
    countOf(
      db.select({ n: count() }).from(devices).where(and(eq(devices.sellerId, sellerId), eq(devices.warehouseId, warehouseId))),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(portalForSaleWarehouses)
        .where(and(eq(portalForSaleWarehouses.sellerId, sellerId), eq(portalForSaleWarehouses.warehouseId, warehouseId))),
    ),
  ]);
  const uses: string[] = [];
  if (held) uses.push(`holds ${plural(held, 'device')}`);
  if (chosen) uses.push('is chosen in Customer Portal settings');
  return uses;
}

export async function inventoryStatusUsage(db: DbOrTx, sellerId: number, statusId: number): Promise<string[]> {
  const [held, chosen] = await Promise.all([
    countOf(db.select({ n: count() }).from(devices).where(and(eq(devices.sellerId, sellerId), eq(devices.statusId, statusId)))),
    countOf(
      db
        .select({ n: count() })
        .from(portalForSaleStatuses)
        .where(and(eq(portalForSaleStatuses.sellerId, sellerId), eq(portalForSaleStatuses.statusId, statusId))),
    ),
  ]);
  const uses: string[] = [];
  if (held) uses.push(`is set on ${plural(held, 'device')}`);
  if (chosen) uses.push('counts toward For Sale in Customer Portal settings');
  return uses;
}

export async function orderStatusUsage(db: DbOrTx, sellerId: number, statusId: number): Promise<string[]> {
  const [orders, initial] = await Promise.all([
    countOf(
      db.select({ n: count() }).from(salesOrders).where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.statusId, statusId))),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(portalSettings)
        .where(and(eq(portalSettings.sellerId, sellerId), eq(portalSettings.initialOrderStatusId, statusId))),
    ),
  ]);
  const uses: string[] = [];
  if (orders) uses.push(`is used by ${plural(orders, 'order')}`);
  if (initial) uses.push('is the initial order status in Customer Portal settings');
  return uses;
}

export async function salesChannelUsage(db: DbOrTx, sellerId: number, channelId: number): Promise<string[]> {
  const [orders, chosen] = await Promise.all([
    countOf(
      db.select({ n: count() }).from(salesOrders).where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.channelId, channelId))),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(portalSettings)
        .where(and(eq(portalSettings.sellerId, sellerId), eq(portalSettings.salesChannelId, channelId))),
    ),
  ]);
  const uses: string[] = [];
  if (orders) uses.push(`is used by ${plural(orders, 'order')}`);
  if (chosen) uses.push('is chosen in Customer Portal settings');
  return uses;
}

export async function paymentMethodUsage(db: DbOrTx, sellerId: number, methodId: number): Promise<string[]> {
  const [offered, orders, invoiced] = await Promise.all([
    countOf(
      db
        .select({ n: count() })
        .from(portalPaymentMethods)
        .where(and(eq(portalPaymentMethods.sellerId, sellerId), eq(portalPaymentMethods.paymentMethodId, methodId))),
    ),
    countOf(
      db
        .select({ n: count() })
        .from(salesOrders)
        .where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.paymentMethodId, methodId))),
    ),
    countOf(
      db.select({ n: count() }).from(invoices).where(and(eq(invoices.sellerId, sellerId), eq(invoices.paymentMethodId, methodId))),
    ),
  ]);
  const uses: string[] = [];
  if (offered) uses.push('is offered at checkout in Customer Portal settings');
  if (orders) uses.push(`is used by ${plural(orders, 'order')}`);
  if (invoiced) uses.push(`appears on ${plural(invoiced, 'invoice')}`);
  return uses;
}
