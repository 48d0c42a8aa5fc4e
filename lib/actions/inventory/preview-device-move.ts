'use server';

import { getDb } from '@/db';
import { previewDeviceMove } from '@/db/queries/inventory/preview-device-move';
import { ok, staffAction } from '@/lib/actions';
import { previewDeviceMoveSchema } from '@/lib/validation/inventory';

/** The exact count (and how many are committed) of a bulk move, for its confirmation. Changes nothing. */
export const previewDeviceMoveAction = staffAction('previewDeviceMoveAction', 'staff', previewDeviceMoveSchema, async (input, staff) => {
  const preview = await previewDeviceMove(await getDb(), {
    sellerId: staff.sellerId,
    selection: input.selection === 'selected' ? { deviceIds: input.deviceIds } : { filters: input.filters },
  });
  return ok(preview);
});
