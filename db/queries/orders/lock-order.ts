import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, salesOrders, sellers } from '@/db/schema';
import { Refusal } from '@/lib/refusal';

export type LockOrderParams = { sellerId: number; number: number };

/**
 * The order of a seller by its number, locked for the rest of the
 * transaction: every write to an order and its lines starts here, so two
 * staff working one order take turns. Another seller's number is not found.
 */
export async function lockOrder(tx: DbOrTx, params: LockOrderParams) {
  const [order] = await tx
    .select({
      id: salesOrders.id,
      sellerId: salesOrders.sellerId,
      number: salesOrders.number,
      organizationId: salesOrders.organizationId,
      statusId: salesOrders.statusId,
      statusName: orderStatuses.name,
      allowsCommitting: orderStatuses.allowsCommitting,
      paymentMethodId: salesOrders.paymentMethodId,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
    })
    .from(salesOrders)
    .innerJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
    .where(and(eq(salesOrders.sellerId, params.sellerId), eq(salesOrders.number, params.number)))
    .for('update', { of: salesOrders });
  if (!order) throw new Refusal(`Order ${params.number} was not found.`, { code: 'not_found' });
  return order;
}

export type LockedOrder = Awaited<ReturnType<typeof lockOrder>>;

/** The currency the seller's amounts are in (orders, invoices, refunds). */
export async function sellerCurrency(tx: DbOrTx, sellerId: number): Promise<string> {
  const [row] = await tx.select({ currency: sellers.currency }).from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw new Refusal('Seller not found.', { code: 'not_found' });
  return row.currency;
}

/** Marks a locked order as changed now (lists sort by it). */
export async function touchOrder(tx: DbOrTx, order: LockedOrder): Promise<void> {
  await tx
    .update(salesOrders)
    .set({ updatedAt: new Date() })
    .where(and(eq(salesOrders.id, order.id), eq(salesOrders.sellerId, order.sellerId)));
}
