'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateOrderLine } from '@/db/queries/orders/edit-order-lines';
import { ok, staffAction } from '@/lib/actions';
import { updateOrderLineSchema } from '@/lib/validation/orders';

export const updateOrderLineAction = staffAction('updateOrderLineAction', 'staff', updateOrderLineSchema, async (input, staff) => {
  await updateOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, 'Line saved.');
});
