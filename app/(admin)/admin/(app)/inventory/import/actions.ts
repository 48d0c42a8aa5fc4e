'use server';

import { getDb } from '@/db';
import { importDevices, validateDeviceImport } from '@/db/queries/inventory/import-devices';
import { ok, staffAction } from '@/lib/actions';
import { refusalResult } from '@/lib/inventory/outcome';
import { deviceImportSchema } from '@/lib/validation/inventory';

/**
 * Checks one chunk of a CSV file against the database and writes nothing;
 * the browser calls it chunk by chunk to show progress.
 */
export const validateDeviceImportChunkAction = staffAction('staff', deviceImportSchema, async (input, staff) => {
  const { problems } = await validateDeviceImport(await getDb(), {
    sellerId: staff.sellerId,
    currency: staff.currency,
    rows: input.rows,
  });
  return ok({ problems });
});

/** Imports the whole file, all or nothing: every row is checked again in the import's own transaction. */
export const importDevicesAction = staffAction('staff', deviceImportSchema, async (input, staff) => {
  const outcome = await importDevices(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    currency: staff.currency,
    rows: input.rows,
  });
  if (!outcome.ok) return refusalResult(outcome, 'Row');
  return ok({ imported: outcome.imported }, `Imported ${outcome.imported.toLocaleString('en-US')} ${outcome.imported === 1 ? 'device' : 'devices'}.`);
});
