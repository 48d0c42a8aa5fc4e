'use server';

import { getDb } from '@/db';
import { startImportBatch } from '@/db/queries/imports/import-batches';
import { ok, staffAction } from '@/lib/actions';
import { DEVICE_IMPORT_COLUMNS } from '@/lib/imports/columns';
import { startDeviceImportSchema } from '@/lib/validation/imports';

/** Opens a staging batch for a device file (with or without creating missing products); its rows follow in chunks. */
export const startDeviceImportAction = staffAction('startDeviceImportAction', 'staff', startDeviceImportSchema, async (input, staff) => {
  const { batchId } = await startImportBatch(await getDb(), {
    sellerId: staff.sellerId,
    staffUserId: staff.staffUserId,
    kind: 'devices',
    columns: DEVICE_IMPORT_COLUMNS,
    options: { createMissingProducts: input.createMissingProducts },
    rowCount: input.rowCount,
    fileName: input.fileName,
  });
  return ok({ batchId });
});
