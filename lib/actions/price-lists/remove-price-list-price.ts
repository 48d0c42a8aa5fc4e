'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { removePriceListPrice } from '@/db/queries/price-lists/price-list-prices';
import { ok, staffAction } from '@/lib/actions';
import { removePriceListPriceSchema } from '@/lib/validation/price-lists';

/** Takes one price (or quantity break) off a list. */
export const removePriceListPriceAction = staffAction('removePriceListPriceAction', 'admin', removePriceListPriceSchema, async ({ id, productId, minQuantity }, staff) => {
  await removePriceListPrice(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, priceListId: id, productId, minQuantity });
  revalidatePath(`/admin/price-lists/${id}`);
  return ok({ id }, 'Price removed.');
});
