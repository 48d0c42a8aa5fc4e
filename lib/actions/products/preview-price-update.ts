'use server';

import { getDb } from '@/db';
import { previewPriceUpdate } from '@/db/queries/products/price-update';
import { ok, staffAction } from '@/lib/actions';
import { priceUpdateSchema } from '@/lib/validation/products';

/** What the price file would change (old -> new) and which rows cannot be applied. Writes nothing. */
export const previewPriceUpdateAction = staffAction('previewPriceUpdateAction', 'staff', priceUpdateSchema, async ({ rows }, staff) => {
  const preview = await previewPriceUpdate(await getDb(), { sellerId: staff.sellerId, currency: staff.currency, rows });
  return ok(preview);
});
