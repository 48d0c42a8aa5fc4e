import type { DbOrTx } from '@/db';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { carrierName } from '@/lib/shipments/carriers';
import { lockOrder } from './lock-order';
import { checkShipments, insertShipments } from './order-shipments';

export type AddShipmentParams = { sellerId: number; orderNumber: number; carrier: string; trackingNumber: string; actor: StaffActor };

/** Records one more tracking number on an order (audited); the same number twice is refused. */
export async function addShipment(db: DbOrTx, params: AddShipmentParams) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const [shipment] = checkShipments([{ carrier: params.carrier, trackingNumber: params.trackingNumber }]);
    const written = await insertShipments(tx, { sellerId, orderId: order.id, shipments: [shipment!], createdBy: params.actor.staffUserId });
    if (!written.length) {
      const message = `${carrierName(shipment!.carrier)} ${shipment!.trackingNumber} is already recorded on order ${order.number}.`;
      throw new Refusal(message, { code: 'conflict', fieldErrors: { trackingNumber: [message] } });
    }
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.shipment_add',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, carrier: carrierName(shipment!.carrier), trackingNumber: shipment!.trackingNumber },
    });
    return { carrier: shipment!.carrier, trackingNumber: shipment!.trackingNumber };
  });
}
