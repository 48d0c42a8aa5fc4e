'use server';

import { getDb } from '@/db';
import { stageDeviceConditionChunk } from '@/db/queries/inventory/import-device-condition';
import { ok, staffAction } from '@/lib/actions';
import { stageConditionChunkSchema } from '@/lib/validation/device-condition';

/**
 * Checks one chunk of a diagnostics CSV (the preview's progress) and keeps it for
 * the import; nothing on a device changes yet.
 */
export const stageDeviceConditionChunkAction = staffAction('stageDeviceConditionChunkAction', 'staff', stageConditionChunkSchema, async (input, staff) => {
  const answer = await stageDeviceConditionChunk(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    uploadKey: input.uploadKey,
    position: input.position,
    rows: input.rows,
  });
  return ok(answer);
});
