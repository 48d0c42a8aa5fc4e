'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createOrderStatus, deleteOrderStatus, updateOrderStatus } from '@/db/queries/settings/order-statuses';
import { staffAction } from '@/lib/actions';
import { orderStatusSchema } from '@/lib/validation/catalogues';
import { id } from '@/lib/validation/form-values';

const list = '/admin/settings/order-statuses';

export const createOrderStatusAction = staffAction('admin', orderStatusSchema, async (input, staff) => {
  const result = await createOrderStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, input });
  if (result.ok) revalidatePath(list);
  return result;
});

export const updateOrderStatusAction = staffAction('admin', orderStatusSchema.extend({ id }), async ({ id, ...input }, staff) => {
  const result = await updateOrderStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, statusId: id, input });
  if (result.ok) revalidatePath(list, 'layout');
  return result;
});

export const deleteOrderStatusAction = staffAction('admin', z.object({ id }), async ({ id }, staff) => {
  const result = await deleteOrderStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, statusId: id });
  if (!result.ok) return result;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(result.data.name)}`);
});
