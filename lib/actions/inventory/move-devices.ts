'use server';

import { getDb } from '@/db';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { ok, staffAction } from '@/lib/actions';
import { moveDevicesSchema } from '@/lib/validation/inventory';

/** Moves the ticked devices, or every device matching the list's filter, to another status and/or warehouse. */
export const moveDevicesAction = staffAction('staff', moveDevicesSchema, async (input, staff) => {
  const { moved, committed } = await moveDevices(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    selection: input.selection === 'selected' ? { deviceIds: input.deviceIds } : { filters: input.filters },
    statusId: input.statusId,
    warehouseId: input.warehouseId,
  });
  const ofThem = committed ? ` (${committed} of them committed to orders)` : '';
  return ok({ moved }, `Moved ${moved.toLocaleString('en-US')} ${moved === 1 ? 'device' : 'devices'}${ofThem}.`);
});
