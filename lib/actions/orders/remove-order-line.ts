'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removeOrderLine } from '@/db/queries/orders/edit-order-lines';
import { ok, staffAction } from '@/lib/actions';
import { removeOrderLineSchema } from '@/lib/validation/orders';

export const removeOrderLineAction = staffAction('removeOrderLineAction', 'staff', removeOrderLineSchema, async (input, staff) => {
  await removeOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, 'Line removed.');
});
