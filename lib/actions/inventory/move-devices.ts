'use server';

import { getDb } from '@/db';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { ok, staffAction } from '@/lib/actions';
import { moveDevicesSchema } from '@/lib/validation/inventory';

const devices = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;

/**
 * Moves the ticked devices, or every device matching the list's filter, to
 * another status and/or warehouse; committed devices only when included.
 */
export const moveDevicesAction = staffAction('moveDevicesAction', 'staff', moveDevicesSchema, async (input, staff) => {
  const outcome = await moveDevices(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    selection: input.selection === 'selected' ? { deviceIds: input.deviceIds } : { filters: input.filters },
    statusId: input.statusId,
    warehouseId: input.warehouseId,
    includeCommitted: input.includeCommitted,
  });
  const { moved, committed, leftOut } = outcome;
  const ofThem = committed ? ` (${committed.toLocaleString('en-US')} of them committed to orders)` : '';
  const left = leftOut ? ` ${devices(leftOut)} committed to orders ${leftOut === 1 ? 'was' : 'were'} left out.` : '';
  return ok(outcome, `Moved ${devices(moved)}${ofThem}.${left}`);
});
