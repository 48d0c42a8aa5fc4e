'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setPriceListPrice } from '@/db/queries/price-lists/price-list-prices';
import { ok, staffAction } from '@/lib/actions';
import { formatMoney } from '@/lib/money';
import { setPriceListPriceSchema } from '@/lib/validation/price-lists';

/** Sets one product's price on a list from a quantity on. */
export const setPriceListPriceAction = staffAction('setPriceListPriceAction', 'admin', setPriceListPriceSchema, async ({ id, ...input }, staff) => {
  const set = await setPriceListPrice(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, priceListId: id, currency: staff.currency, ...input });
  revalidatePath(`/admin/price-lists/${id}`);
  return ok(set, `${set.sku} from ${input.minQuantity} ${input.minQuantity === 1 ? 'unit' : 'units'}: ${formatMoney(set.to, staff.currency, staff.locale)}.`);
});
