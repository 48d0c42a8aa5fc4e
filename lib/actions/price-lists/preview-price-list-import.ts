'use server';

import { getDb } from '@/db';
import { previewPriceListImport } from '@/db/queries/price-lists/price-list-import';
import { ok, staffAction } from '@/lib/actions';
import { priceListImportSchema } from '@/lib/validation/price-lists';

/** What a price file would make of the list, and which rows cannot be applied. Writes nothing. */
export const previewPriceListImportAction = staffAction('previewPriceListImportAction', 'admin', priceListImportSchema, async ({ id, rows }, staff) => {
  return ok(await previewPriceListImport(await getDb(), { sellerId: staff.sellerId, priceListId: id, currency: staff.currency, rows }));
});
