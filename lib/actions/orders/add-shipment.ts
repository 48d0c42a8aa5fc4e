'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addShipment } from '@/db/queries/orders/add-shipment';
import { ok, staffAction } from '@/lib/actions';
import { carrierName } from '@/lib/shipments/carriers';
import { addShipmentSchema } from '@/lib/validation/orders';

/** Records one more carrier and tracking number on the order. */
export const addShipmentAction = staffAction('addShipmentAction', 'staff', addShipmentSchema, async (input, staff) => {
  const added = await addShipment(await getDb(), { sellerId: staff.sellerId, orderNumber: input.orderNumber, carrier: input.carrier, trackingNumber: input.trackingNumber, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(added, `${carrierName(added.carrier)} ${added.trackingNumber} added to order ${input.orderNumber}.`);
});
