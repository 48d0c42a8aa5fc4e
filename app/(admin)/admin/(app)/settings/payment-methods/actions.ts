'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createPaymentMethod, deletePaymentMethod, updatePaymentMethod } from '@/db/queries/settings/payment-methods';
import { staffAction } from '@/lib/actions';
import { paymentMethodSchema } from '@/lib/validation/catalogues';
import { id } from '@/lib/validation/form-values';

const list = '/admin/settings/payment-methods';

export const createPaymentMethodAction = staffAction('admin', paymentMethodSchema, async (input, staff) => {
  const result = await createPaymentMethod(await getDb(), { sellerId: staff.sellerId, actor: staff, input });
  if (result.ok) revalidatePath(list);
  return result;
});

export const updatePaymentMethodAction = staffAction('admin', paymentMethodSchema.extend({ id }), async ({ id, ...input }, staff) => {
  const result = await updatePaymentMethod(await getDb(), { sellerId: staff.sellerId, actor: staff, methodId: id, input });
  if (result.ok) revalidatePath(list, 'layout');
  return result;
});

export const deletePaymentMethodAction = staffAction('admin', z.object({ id }), async ({ id }, staff) => {
  const result = await deletePaymentMethod(await getDb(), { sellerId: staff.sellerId, actor: staff, methodId: id });
  if (!result.ok) return result;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(result.data.name)}`);
});
