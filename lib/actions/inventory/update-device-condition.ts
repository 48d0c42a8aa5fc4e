'use server';

import { getDb } from '@/db';
import { updateDeviceCondition } from '@/db/queries/inventory/update-device-condition';
import { ok, staffAction } from '@/lib/actions';
import { updateDeviceConditionSchema } from '@/lib/validation/device-condition';

/** Saves the condition from a device's page; another seller's device answers not found. */
export const updateDeviceConditionAction = staffAction('updateDeviceConditionAction', 'staff', updateDeviceConditionSchema, async (input, staff) => {
  const { deviceId, ...condition } = input;
  const { changed } = await updateDeviceCondition(await getDb(), { sellerId: staff.sellerId, deviceId, actor: staff.actor, condition });
  return ok({ changed: changed.length }, changed.length ? 'Condition saved.' : 'Nothing changed.');
});
