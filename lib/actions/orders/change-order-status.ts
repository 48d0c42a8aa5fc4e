'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { changeOrderStatusSchema } from '@/lib/validation/orders';

export const changeOrderStatusAction = staffAction('staff', changeOrderStatusSchema, async (input, staff) =>
  answerRefusals(async () => {
    const result = await changeOrderStatus(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      statusId: input.statusId,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(result, result.changed ? `Status changed to ${result.statusName}.` : `The order is already ${result.statusName}.`);
  }),
);
