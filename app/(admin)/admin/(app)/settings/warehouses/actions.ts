'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createWarehouse, deleteWarehouse, updateWarehouse } from '@/db/queries/settings/warehouses';
import { staffAction } from '@/lib/actions';
import { warehouseSchema } from '@/lib/validation/catalogues';
import { id } from '@/lib/validation/form-values';

const list = '/admin/settings/warehouses';

export const createWarehouseAction = staffAction('admin', warehouseSchema, async (input, staff) => {
  const result = await createWarehouse(await getDb(), { sellerId: staff.sellerId, actor: staff, input });
  if (result.ok) revalidatePath(list);
  return result;
});

export const updateWarehouseAction = staffAction('admin', warehouseSchema.extend({ id }), async ({ id, ...input }, staff) => {
  const result = await updateWarehouse(await getDb(), { sellerId: staff.sellerId, actor: staff, warehouseId: id, input });
  if (result.ok) revalidatePath(list, 'layout');
  return result;
});

export const deleteWarehouseAction = staffAction('admin', z.object({ id }), async ({ id }, staff) => {
  const result = await deleteWarehouse(await getDb(), { sellerId: staff.sellerId, actor: staff, warehouseId: id });
  if (!result.ok) return result;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(result.data.code)}`);
});
