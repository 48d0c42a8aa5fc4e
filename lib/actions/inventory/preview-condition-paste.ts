'use server';

import { getDb } from '@/db';
import { previewConditionPaste } from '@/db/queries/inventory/paste-device-condition';
import { ok, staffAction } from '@/lib/actions';
import { previewConditionPasteSchema } from '@/lib/validation/device-condition';

/** How many pasted IMEIs name the seller's devices, and the lines refused; writes nothing. */
export const previewConditionPasteAction = staffAction('previewConditionPasteAction', 'staff', previewConditionPasteSchema, async (input, staff) => {
  return ok(await previewConditionPaste(await getDb(), { sellerId: staff.sellerId, text: input.text }));
});
