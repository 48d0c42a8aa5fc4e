'use server';

import { getDb } from '@/db';
import { createStaffOrder } from '@/db/queries/orders/create-order';
import { ok, staffAction } from '@/lib/actions';
import { createOrderSchema } from '@/lib/validation/orders';

/** Staff take an order (phone, email…); answers its number. */
export const createOrderAction = staffAction('createOrderAction', 'staff', createOrderSchema, async (input, staff) => {
  const order = await createStaffOrder(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    organizationId: input.organizationId,
    statusId: input.statusId,
    channelId: input.channelId,
    paymentMethodId: input.paymentMethodId,
    poNumber: input.poNumber,
    notes: input.notes,
    lines: input.lines,
  });
  return ok({ number: order.number }, `Order ${order.number} created.`);
});
