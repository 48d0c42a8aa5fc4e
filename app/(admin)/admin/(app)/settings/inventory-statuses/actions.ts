'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createInventoryStatus, deleteInventoryStatus, updateInventoryStatus } from '@/db/queries/settings/inventory-statuses';
import { staffAction } from '@/lib/actions';
import { inventoryStatusSchema } from '@/lib/validation/catalogues';
import { id } from '@/lib/validation/form-values';

const list = '/admin/settings/inventory-statuses';

export const createInventoryStatusAction = staffAction('admin', inventoryStatusSchema, async (input, staff) => {
  const result = await createInventoryStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, input });
  if (result.ok) revalidatePath(list);
  return result;
});

export const updateInventoryStatusAction = staffAction('admin', inventoryStatusSchema.extend({ id }), async ({ id, ...input }, staff) => {
  const result = await updateInventoryStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, statusId: id, input });
  if (result.ok) revalidatePath(list, 'layout');
  return result;
});

export const deleteInventoryStatusAction = staffAction('admin', z.object({ id }), async ({ id }, staff) => {
  const result = await deleteInventoryStatus(await getDb(), { sellerId: staff.sellerId, actor: staff, statusId: id });
  if (!result.ok) return result;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(result.data.name)}`);
});
