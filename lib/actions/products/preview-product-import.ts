'use server';

import { getDb } from '@/db';
import { previewProductImport } from '@/db/queries/products/product-import';
import { ok, staffAction } from '@/lib/actions';
import { previewImportRangeSchema } from '@/lib/validation/imports';

/** What one range of a staged products file would create, update or refuse; writes nothing. */
export const previewProductImportAction = staffAction('previewProductImportAction', 'staff', previewImportRangeSchema, async (input, staff) => {
  const preview = await previewProductImport(await getDb(), {
    sellerId: staff.sellerId,
    staffUserId: staff.staffUserId,
    currency: staff.currency,
    batchId: input.batchId,
    fromRow: input.fromRow,
    toRow: input.toRow,
  });
  return ok(preview);
});
