import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, salesOrders, sellers } from '@/db/schema';
import { Refusal } from '../refusal';

/**
 * The order of a seller by its number, locked for the rest of the
 * transaction: every write to an order and its lines starts here, so two
 * staff working one order take turns. Another seller's number is not found.
 */
export async function lockOrder(tx: DbOrTx, sellerId: number, number: number) {
  const [order] = await tx
    .select({
      id: salesOrders.id,
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
    .where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.number, number)))
    .for('update', { of: salesOrders });
  if (!order) throw new Refusal(`Order ${number} was not found.`);
  return order;
}

export type LockedOrder = Awaited<ReturnType<typeof lockOrder>>;

export async function sellerCurrency(tx: DbOrTx, sellerId: number): Promise<string> {
  const [row] = await tx.select({ currency: sellers.currency }).from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw new Refusal('Seller not found.');
  return row.currency;
}

export async function touchOrder(tx: DbOrTx, orderId: number): Promise<void> {
  await tx.update(salesOrders).set({ updatedAt: new Date() }).where(eq(salesOrders.id, orderId));
}

export type { StaffActor } from '../audit';
