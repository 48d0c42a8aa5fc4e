'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addOrderLine } from '@/db/queries/orders/edit-order-lines';
import { ok, staffAction } from '@/lib/actions';
import { addOrderLineSchema } from '@/lib/validation/orders';

export const addOrderLineAction = staffAction('addOrderLineAction', 'staff', addOrderLineSchema, async (input, staff) => {
  await addOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, 'Line added.');
});
