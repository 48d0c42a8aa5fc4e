'use server';

import { getDb } from '@/db';
import { validateDeviceImport } from '@/db/queries/inventory/import-devices';
import { ok, staffAction } from '@/lib/actions';
import { deviceImportSchema } from '@/lib/validation/inventory';

/**
 * Checks one chunk of a CSV file against the database and writes nothing;
 * the browser calls it chunk by chunk to show progress.
 */
export const validateDeviceImportAction = staffAction('staff', deviceImportSchema, async (input, staff) => {
  const { problems } = await validateDeviceImport(await getDb(), {
    sellerId: staff.sellerId,
    currency: staff.currency,
    rows: input.rows,
  });
  return ok({ problems });
});
