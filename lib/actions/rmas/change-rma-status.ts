'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeRmaStatus } from '@/db/queries/rmas/change-rma-status';
import { rmaStatusLabel } from '@/lib/rmas/statuses';
import { ok, staffAction } from '@/lib/actions';
import { changeRmaStatusSchema } from '@/lib/validation/rmas';

export const changeRmaStatusAction = staffAction('changeRmaStatusAction', 'staff', changeRmaStatusSchema, async (input, staff) => {
  const result = await changeRmaStatus(await getDb(), {
    sellerId: staff.sellerId,
    rmaNumber: input.rmaNumber,
    to: input.to,
    resolution: input.resolution ?? null,
    reason: input.reason ?? null,
    move: { statusId: input.statusId, warehouseId: input.warehouseId },
    actor: staff.actor,
  });
  revalidatePath(`/admin/rmas/${input.rmaNumber}`);
  return ok(
    result,
    `RMA ${input.rmaNumber} is now ${rmaStatusLabel[input.to]}${result.moved ? `; ${result.moved} returned device${result.moved === 1 ? '' : 's'} moved` : ''}.`,
  );
});
