'use server';

import { getDb } from '@/db';
import { createStaffOrder } from '@/db/queries/orders/create-order';
import { findProductsForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { createOrderSchema, findProductsSchema } from '@/lib/validation/orders';

/** Staff take an order (phone, email…); answers its number. */
export const createOrderAction = staffAction('staff', createOrderSchema, async (input, staff) =>
  answerRefusals(async () => {
    const order = await createStaffOrder(await getDb(), {
      sellerId: staff.sellerId,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
      organizationId: input.organizationId,
      statusId: input.statusId,
      channelId: input.channelId,
      paymentMethodId: input.paymentMethodId,
      poNumber: input.poNumber,
      notes: input.notes,
      lines: input.lines,
    });
    return ok({ number: order.number }, `Order ${order.number} created.`);
  }),
);

/** Products matching typed text, for the line pickers of the order forms. */
export const findProductsForOrderAction = staffAction('staff', findProductsSchema, async (input, staff) =>
  ok(await findProductsForOrderLine(await getDb(), { sellerId: staff.sellerId, query: input.query })),
);
