'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { uncommitDevices } from '@/db/queries/orders/uncommit-devices';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { commitDevicesSchema, uncommitDevicesSchema } from '@/lib/validation/orders';

/** Commits pasted or scanned IMEIs, all or nothing; a refusal lists every problem. */
export const commitDevicesAction = staffAction('staff', commitDevicesSchema, async (input, staff) =>
  answerRefusals(async () => {
    const result = await commitDevicesToOrder(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      text: input.imeis,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(result, `Committed ${result.committed === 1 ? `1 device (${result.imeis[0]})` : `${result.committed} devices`}.`);
  }),
);

/** Uncommits one device, or every device of a line. */
export const uncommitDevicesAction = staffAction('staff', uncommitDevicesSchema, async (input, staff) =>
  answerRefusals(async () => {
    const result = await uncommitDevices(await getDb(), {
      ...input,
      sellerId: staff.sellerId,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(result, `Uncommitted ${result.uncommitted === 1 ? '1 device' : `${result.uncommitted} devices`}.`);
  }),
);
