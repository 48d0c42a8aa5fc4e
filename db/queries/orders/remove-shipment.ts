import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderShipments } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { carrierName } from '@/lib/shipments/carriers';
import { lockOrder } from './lock-order';

export type RemoveShipmentParams = { sellerId: number; orderNumber: number; shipmentId: number; actor: StaffActor };

/** Removes a tracking number from an order (audited); one of another order or seller is not found. */
export async function removeShipment(db: DbOrTx, params: RemoveShipmentParams) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const [removed] = await tx
      .delete(orderShipments)
      .where(and(eq(orderShipments.sellerId, sellerId), eq(orderShipments.orderId, order.id), eq(orderShipments.id, params.shipmentId)))
      .returning({ carrier: orderShipments.carrier, trackingNumber: orderShipments.trackingNumber });
    if (!removed) throw new Refusal('That tracking number was not found on this order.', { code: 'not_found' });
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.shipment_remove',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, carrier: carrierName(removed.carrier), trackingNumber: removed.trackingNumber },
    });
    return { carrier: removed.carrier, trackingNumber: removed.trackingNumber };
  });
}
