'use server';

import { getDb } from '@/db';
import { createRma } from '@/db/queries/rmas/create-rma';
import { ok, staffAction } from '@/lib/actions';
import { createRmaSchema } from '@/lib/validation/rmas';

export const createRmaAction = staffAction('createRmaAction', 'staff', createRmaSchema, async (input, staff) => {
  const rma = await createRma(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: input.organizationId,
    notes: input.notes,
    lines: input.lines,
    actor: staff.actor,
  });
  return ok({ number: rma.number }, `RMA ${rma.number} created.`);
});
