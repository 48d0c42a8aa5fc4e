'use server';

import { getDb } from '@/db';
import { stageImportRows } from '@/db/queries/imports/import-batches';
import { ok, staffAction } from '@/lib/actions';
import { uploadImportRowsSchema } from '@/lib/validation/imports';

/** Stores one chunk of a file in the staff user's own batch (a batch of anyone else is "not found"). Writes no product or device. */
export const uploadImportRowsAction = staffAction('uploadImportRowsAction', 'staff', uploadImportRowsSchema, async (input, staff) => {
  const result = await stageImportRows(await getDb(), { sellerId: staff.sellerId, staffUserId: staff.staffUserId, batchId: input.batchId, rows: input.rows });
  return ok(result);
});
