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
  // The row is locked alone, then its status read: with the status joined in
  // the locking statement, a waiter whose order changed status meanwhile saw
  // the re-checked join fail and answered "not found" (PostgreSQL re-evaluates
  // only the locked row), e.g. the second click of a double-clicked status change.
  const [locked] = await tx
    .select({
      id: salesOrders.id,
      sellerId: salesOrders.sellerId,
      number: salesOrders.number,
      organizationId: salesOrders.organizationId,
      statusId: salesOrders.statusId,
      paymentMethodId: salesOrders.paymentMethodId,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
    })
    .from(salesOrders)
    .where(and(eq(salesOrders.sellerId, params.sellerId), eq(salesOrders.number, params.number)))
    .for('update');
  if (!locked) throw new Refusal(`Order ${params.number} was not found.`, { code: 'not_found' });
  const [status] = await tx
    .select({ name: orderStatuses.name, allowsCommitting: orderStatuses.allowsCommitting })
    .from(orderStatuses)
    .where(and(eq(orderStatuses.id, locked.statusId), eq(orderStatuses.sellerId, params.sellerId)));
  if (!status) throw new Error(`Status ${locked.statusId} of order ${locked.id} not found`);
  return { ...locked, statusName: status.name, allowsCommitting: status.allowsCommitting };
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
