'use server';

import { getDb } from '@/db';
import { applyConditionPaste } from '@/db/queries/inventory/paste-device-condition';
import { ok, staffAction } from '@/lib/actions';
import { conditionPasteSchema } from '@/lib/validation/device-condition';

const devices = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'device' : 'devices'}`;

/** Sets the chosen values on every pasted device, all or nothing, audited. */
export const applyConditionPasteAction = staffAction('applyConditionPasteAction', 'staff', conditionPasteSchema, async (input, staff) => {
  const { text, ...chosen } = input;
  const values = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v !== undefined));
  if (values.carrierLock === 'unlocked') values.carrier = null;
  // A passed test has no failed checks: the old list goes unless new ones were given (which the schema refuses).
  if (values.functionalTest === 'pass' && values.failedChecks === undefined) values.failedChecks = [];
  const { updated, changed } = await applyConditionPaste(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, text, values });
  return ok({ updated, changed }, `Updated ${devices(updated)} (${changed.toLocaleString('en-US')} changed).`);
});
