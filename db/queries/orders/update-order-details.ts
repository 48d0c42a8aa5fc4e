import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { paymentMethods, salesOrders } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { lockOrder } from './lock-order';

/** PO number, notes and payment method of an order. */
export async function updateOrderDetails(
  db: DbOrTx,
  params: {
    sellerId: number;
    orderNumber: number;
    poNumber: string | null;
    notes: string | null;
    paymentMethodId: number | null;
    actor: StaffActor;
  },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    if (params.paymentMethodId !== null) {
      const [method] = await tx
        .select({ id: paymentMethods.id })
        .from(paymentMethods)
        .where(and(eq(paymentMethods.sellerId, sellerId), eq(paymentMethods.id, params.paymentMethodId)));
      if (!method) throw new Refusal('Choose one of your payment methods.', { fieldErrors: { paymentMethodId: ['Choose a payment method.'] } });
    }
    const next = {
      poNumber: params.poNumber?.trim() || null,
      notes: params.notes?.trim() || null,
      paymentMethodId: params.paymentMethodId,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== order[k]);
    if (!changed.length) return { changed: [] };
    await tx.update(salesOrders).set({ ...next, updatedAt: new Date() }).where(eq(salesOrders.id, order.id));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.update',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, changed, from: Object.fromEntries(changed.map((k) => [k, order[k]])), to: Object.fromEntries(changed.map((k) => [k, next[k]])) },
    });
    return { changed };
  });
}
