'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createSalesChannel, deleteSalesChannel, updateSalesChannel } from '@/db/queries/settings/sales-channels';
import { staffAction } from '@/lib/actions';
import { salesChannelSchema } from '@/lib/validation/catalogues';
import { id } from '@/lib/validation/form-values';

const list = '/admin/settings/sales-channels';

export const createSalesChannelAction = staffAction('admin', salesChannelSchema, async (input, staff) => {
  const result = await createSalesChannel(await getDb(), { sellerId: staff.sellerId, actor: staff, input });
  if (result.ok) revalidatePath(list);
  return result;
});

export const updateSalesChannelAction = staffAction('admin', salesChannelSchema.extend({ id }), async ({ id, ...input }, staff) => {
  const result = await updateSalesChannel(await getDb(), { sellerId: staff.sellerId, actor: staff, channelId: id, input });
  if (result.ok) revalidatePath(list, 'layout');
  return result;
});

export const deleteSalesChannelAction = staffAction('admin', z.object({ id }), async ({ id }, staff) => {
  const result = await deleteSalesChannel(await getDb(), { sellerId: staff.sellerId, actor: staff, channelId: id });
  if (!result.ok) return result;
  revalidatePath(list);
  redirect(`${list}?deleted=${encodeURIComponent(result.data.name)}`);
});
