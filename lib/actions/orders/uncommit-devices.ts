'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { uncommitDevices } from '@/db/queries/orders/uncommit-devices';
import { ok, staffAction } from '@/lib/actions';
import { uncommitDevicesSchema } from '@/lib/validation/orders';

/** Uncommits one device, or every device of a line. */
export const uncommitDevicesAction = staffAction('uncommitDevicesAction', 'staff', uncommitDevicesSchema, async (input, staff) => {
  const result = await uncommitDevices(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(
    result,
    `Uncommitted ${result.uncommitted === 1 ? `1 device (${result.imeis[0]})` : `${result.uncommitted} devices`} from order ${input.orderNumber}; they count as available again.`,
  );
});
