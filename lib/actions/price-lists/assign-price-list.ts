'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { assignPriceList } from '@/db/queries/price-lists/save-price-list';
import { ok, staffAction } from '@/lib/actions';
import { assignPriceListSchema } from '@/lib/validation/price-lists';

/** Puts organizations on a price list, or back on list prices (`priceListId` null). */
export const assignPriceListAction = staffAction('assignPriceListAction', 'admin', assignPriceListSchema, async ({ priceListId, organizationIds }, staff) => {
  const { changed, listName } = await assignPriceList(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, priceListId, organizationIds });
  for (const id of organizationIds) revalidatePath(`/admin/organizations/${id}`);
  if (priceListId) revalidatePath(`/admin/price-lists/${priceListId}`);
  const target = listName ? `on ${listName}` : 'on list prices';
  return ok({ changed }, changed ? `${changed === 1 ? 'The organization is' : `${changed} organizations are`} now ${target}.` : `Already ${target}.`);
});
