'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { ok, staffAction } from '@/lib/actions';
import { changeOrderStatusSchema } from '@/lib/validation/orders';

/** Changes the status; a short order moving to a status that ends commitment needs a resolution (reduce, or close anyway with a reason). */
export const changeOrderStatusAction = staffAction('changeOrderStatusAction', 'staff', changeOrderStatusSchema, async (input, staff) => {
  const result = await changeOrderStatus(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    statusId: input.statusId,
    resolution: input.resolution,
    reason: input.reason,
    shipments: input.shipments,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  if (!result.changed) return ok(result, `The order is already ${result.statusName}.`);
  const reduced = result.reduced.length
    ? ` Quantities reduced to what is committed: ${result.reduced.map((l) => `${l.sku} ${l.quantity} → ${l.committed}`).join(', ')}.`
    : '';
  const closedAnyway = result.closedShort ? ' Closed with devices missing; the reason is kept on the order.' : '';
  const tracking = result.tracking ? ` ${result.tracking} tracking number${result.tracking === 1 ? '' : 's'} recorded.` : '';
  const emailed =
    result.emailed === 'order_shipped' ? ' The buyer was emailed that the order has shipped.' : result.emailed === 'order_status' ? ' The buyer was emailed.' : '';
  return ok(result, `Status changed to ${result.statusName}.${reduced}${closedAnyway}${tracking}${emailed}`);
});
