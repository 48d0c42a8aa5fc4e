'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updatePriceList } from '@/db/queries/price-lists/save-price-list';
import { ok, staffAction } from '@/lib/actions';
import { updatePriceListSchema } from '@/lib/validation/price-lists';

/** Renames a price list or changes its rule; carts follow at once, placed orders keep their prices. */
export const updatePriceListAction = staffAction('updatePriceListAction', 'admin', updatePriceListSchema, async ({ id, ...fields }, staff) => {
  await updatePriceList(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, priceListId: id, fields });
  revalidatePath(`/admin/price-lists/${id}`);
  return ok({ id }, `Price list ${fields.name} saved.`);
});
