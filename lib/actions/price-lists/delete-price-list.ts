'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deletePriceList } from '@/db/queries/price-lists/save-price-list';
import { ok, staffAction } from '@/lib/actions';
import { deletePriceListSchema } from '@/lib/validation/price-lists';

/** Deletes a price list no organization is on. */
export const deletePriceListAction = staffAction('deletePriceListAction', 'admin', deletePriceListSchema, async ({ id }, staff) => {
  const { name } = await deletePriceList(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, priceListId: id });
  revalidatePath('/admin/price-lists');
  return ok({ id }, `Price list ${name} deleted.`);
});
