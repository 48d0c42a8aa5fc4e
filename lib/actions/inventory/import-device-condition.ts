'use server';

import { getDb } from '@/db';
import { importStagedDeviceCondition } from '@/db/queries/inventory/import-device-condition';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { importConditionUploadSchema } from '@/lib/validation/device-condition';

const devices = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;

/** Imports every checked chunk of the file in one transaction, all or nothing. */
export const importDeviceConditionAction = staffAction('importDeviceConditionAction', 'staff', importConditionUploadSchema, async (input, staff) => {
  try {
    const { updated, changed } = await importStagedDeviceCondition(await getDb(), {
      sellerId: staff.sellerId,
      actor: staff.actor,
      uploadKey: input.uploadKey,
      chunks: input.chunks,
      fileName: input.fileName,
    });
    return ok({ updated, changed }, `Imported condition data for ${devices(updated)} (${changed.toLocaleString('en-US')} changed).`);
  } catch (error) {
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
