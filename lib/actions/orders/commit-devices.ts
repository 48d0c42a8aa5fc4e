'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { ok, staffAction } from '@/lib/actions';
import { commitDevicesSchema } from '@/lib/validation/orders';

/** Commits pasted or scanned IMEIs, all or nothing; a refusal lists every problem. */
export const commitDevicesAction = staffAction('commitDevicesAction', 'staff', commitDevicesSchema, async (input, staff) => {
  const result = await commitDevicesToOrder(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    text: input.imeis,
    actor: staff.actor,
    commitAnyway: input.commitAnyway === true,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  const overridden = result.unsellable.length
    ? ` Committed anyway although not sellable: ${result.unsellable.map((d) => `${d.imei} (${d.status})`).join(', ')}.`
    : '';
  return ok(result, `Committed ${result.committed === 1 ? `1 device (${result.imeis[0]})` : `${result.committed} devices`}.${overridden}`);
});
