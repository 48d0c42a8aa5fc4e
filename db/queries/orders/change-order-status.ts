import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, salesOrders } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { lockOrder } from './lock-order';

/** Moves an order to another of the seller's statuses and records who did it. */
export async function changeOrderStatus(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; statusId: number; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const [status] = await tx
      .select({ id: orderStatuses.id, name: orderStatuses.name })
      .from(orderStatuses)
      .where(and(eq(orderStatuses.sellerId, sellerId), eq(orderStatuses.id, params.statusId)));
    if (!status) throw new Refusal('Choose one of your order statuses.', { fieldErrors: { statusId: ['Choose a status.'] } });
    if (status.id === order.statusId) return { changed: false, statusName: status.name };
    await tx
      .update(salesOrders)
      .set({ statusId: status.id, updatedAt: new Date() })
      .where(eq(salesOrders.id, order.id));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.status',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, from: order.statusName, to: status.name },
    });
    return { changed: true, statusName: status.name };
  });
}
