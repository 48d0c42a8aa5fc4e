'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addOrderLine, removeOrderLine, updateOrderLine } from '@/db/queries/orders/edit-order-lines';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { addOrderLineSchema, removeOrderLineSchema, updateOrderLineSchema } from '@/lib/validation/orders';

const actorOf = (staff: { staffUserId: number; name: string }) => ({ staffUserId: staff.staffUserId, name: staff.name });

export const addOrderLineAction = staffAction('staff', addOrderLineSchema, async (input, staff) =>
  answerRefusals(async () => {
    await addOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: actorOf(staff) });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(null, 'Line added.');
  }),
);

export const updateOrderLineAction = staffAction('staff', updateOrderLineSchema, async (input, staff) =>
  answerRefusals(async () => {
    await updateOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: actorOf(staff) });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(null, 'Line saved.');
  }),
);

export const removeOrderLineAction = staffAction('staff', removeOrderLineSchema, async (input, staff) =>
  answerRefusals(async () => {
    await removeOrderLine(await getDb(), { ...input, sellerId: staff.sellerId, actor: actorOf(staff) });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(null, 'Line removed.');
  }),
);
