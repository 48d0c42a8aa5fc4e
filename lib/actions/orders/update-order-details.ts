'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateOrderDetails } from '@/db/queries/orders/update-order-details';
import { ok, staffAction } from '@/lib/actions';
import { updateOrderDetailsSchema } from '@/lib/validation/orders';

export const updateOrderDetailsAction = staffAction('updateOrderDetailsAction', 'staff', updateOrderDetailsSchema, async (input, staff) => {
  const result = await updateOrderDetails(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    poNumber: input.poNumber ?? null,
    notes: input.notes ?? null,
    paymentMethodId: input.paymentMethodId,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(result, result.changed.length ? 'Details saved.' : 'Nothing to change.');
});
