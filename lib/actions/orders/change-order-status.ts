'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { ok, staffAction } from '@/lib/actions';
import { changeOrderStatusSchema } from '@/lib/validation/orders';

export const changeOrderStatusAction = staffAction('staff', changeOrderStatusSchema, async (input, staff) => {
  const result = await changeOrderStatus(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    statusId: input.statusId,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(result, result.changed ? `Status changed to ${result.statusName}.` : `The order is already ${result.statusName}.`);
});
