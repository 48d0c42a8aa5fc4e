'use server';

import { getDb } from '@/db';
import { startImportBatch } from '@/db/queries/imports/import-batches';
import { ok, staffAction } from '@/lib/actions';
import { startProductImportSchema } from '@/lib/validation/imports';

/** Opens a staging batch for a products file, owned by this seller and staff user; its rows follow in chunks. */
export const startProductImportAction = staffAction('startProductImportAction', 'staff', startProductImportSchema, async (input, staff) => {
  const { batchId } = await startImportBatch(await getDb(), {
    sellerId: staff.sellerId,
    staffUserId: staff.staffUserId,
    kind: 'products',
    columns: input.columns,
    rowCount: input.rowCount,
    fileName: input.fileName,
  });
  return ok({ batchId });
});
