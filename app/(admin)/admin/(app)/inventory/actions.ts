'use server';

import { getDb } from '@/db';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { ok, staffAction } from '@/lib/actions';
import { refusalResult } from '@/lib/inventory/outcome';
import { moveDevicesSchema } from '@/lib/validation/inventory';

/** Moves the ticked devices, or every device matching the list's filter, to another status and/or warehouse. */
export const moveDevicesAction = staffAction('staff', moveDevicesSchema, async (input, staff) => {
  const outcome = await moveDevices(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    selection: input.selection === 'selected' ? { deviceIds: input.deviceIds } : { filters: input.filters },
    statusId: input.statusId,
    warehouseId: input.warehouseId,
  });
  if (!outcome.ok) return refusalResult(outcome);
  const committed = outcome.committed ? ` (${outcome.committed} of them committed to orders)` : '';
  return ok({ moved: outcome.moved }, `Moved ${outcome.moved.toLocaleString('en-US')} ${outcome.moved === 1 ? 'device' : 'devices'}${committed}.`);
});
