'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { decideRmaLine } from '@/db/queries/rmas/decide-rma-line';
import { ok, staffAction } from '@/lib/actions';
import { decideRmaLineSchema } from '@/lib/validation/rmas';

/** Staff approve one device of an RMA as they set it (disposition, refund), or reject it with a reason. */
export const decideRmaLineAction = staffAction('decideRmaLineAction', 'staff', decideRmaLineSchema, async (input, staff) => {
  const result = await decideRmaLine(await getDb(), {
    sellerId: staff.sellerId,
    rmaNumber: input.rmaNumber,
    lineId: input.lineId,
    decision:
      input.decision === 'reject'
        ? { kind: 'reject', reason: input.reason }
        : { kind: 'approve', disposition: input.disposition, refund: input.refund },
    actor: staff.actor,
  });
  revalidatePath(`/admin/rmas/${input.rmaNumber}`);
  const message = !result.changed
    ? `Nothing changed for ${result.device}.`
    : result.rejected
      ? `${result.device} is rejected on RMA ${input.rmaNumber}.`
      : `${result.device} is approved as set on RMA ${input.rmaNumber}.`;
  return ok(result, message);
});
