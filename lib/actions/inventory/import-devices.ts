'use server';

import { getDb } from '@/db';
import { importDevices } from '@/db/queries/inventory/import-devices';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { deviceImportSchema } from '@/lib/validation/inventory';

/** Imports the whole file, all or nothing: every row is checked again in the import's own transaction. */
export const importDevicesAction = staffAction('staff', deviceImportSchema, async (input, staff) => {
  try {
    const { imported } = await importDevices(await getDb(), {
      sellerId: staff.sellerId,
      actor: staff.actor,
      currency: staff.currency,
      rows: input.rows,
    });
    return ok({ imported }, `Imported ${imported.toLocaleString('en-US')} ${imported === 1 ? 'device' : 'devices'}.`);
  } catch (error) {
    // A file names its problems by spreadsheet row, not by line: "Row 3: …".
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
