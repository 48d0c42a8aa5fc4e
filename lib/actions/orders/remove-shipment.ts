'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removeShipment } from '@/db/queries/orders/remove-shipment';
import { ok, staffAction } from '@/lib/actions';
import { carrierName } from '@/lib/shipments/carriers';
import { removeShipmentSchema } from '@/lib/validation/orders';

/** Removes a tracking number recorded by mistake. */
export const removeShipmentAction = staffAction('removeShipmentAction', 'staff', removeShipmentSchema, async (input, staff) => {
  const removed = await removeShipment(await getDb(), { sellerId: staff.sellerId, orderNumber: input.orderNumber, shipmentId: input.shipmentId, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(removed, `${carrierName(removed.carrier)} ${removed.trackingNumber} removed from order ${input.orderNumber}.`);
});
