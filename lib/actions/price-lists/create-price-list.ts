'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createPriceList } from '@/db/queries/price-lists/save-price-list';
import { ok, staffAction } from '@/lib/actions';
import { createPriceListSchema } from '@/lib/validation/price-lists';

/** Products > Price lists > "New price list" (admins: a list decides what customers pay). */
export const createPriceListAction = staffAction('createPriceListAction', 'admin', createPriceListSchema, async (fields, staff) => {
  const list = await createPriceList(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, fields });
  revalidatePath('/admin/price-lists');
  return ok(list, `Price list ${fields.name} created.`);
});
