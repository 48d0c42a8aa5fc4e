'use server';

import { getDb } from '@/db';
import { previewDeviceImport } from '@/db/queries/inventory/import-devices';
import { ok, staffAction } from '@/lib/actions';
import { previewImportRangeSchema } from '@/lib/validation/imports';

/** Checks one range of a staged device file against the whole file and the inventory; writes nothing. */
export const previewDeviceImportAction = staffAction('previewDeviceImportAction', 'staff', previewImportRangeSchema, async (input, staff) => {
  const preview = await previewDeviceImport(await getDb(), {
    sellerId: staff.sellerId,
    staffUserId: staff.staffUserId,
    currency: staff.currency,
    batchId: input.batchId,
    fromRow: input.fromRow,
    toRow: input.toRow,
  });
  return ok(preview);
});
