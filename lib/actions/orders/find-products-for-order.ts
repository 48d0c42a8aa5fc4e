'use server';

import { getDb } from '@/db';
import { findProductsForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { ok, staffAction } from '@/lib/actions';
import { findProductsSchema } from '@/lib/validation/orders';

/** Products matching typed text, for the line pickers of the order forms. */
export const findProductsForOrderAction = staffAction('findProductsForOrderAction', 'staff', findProductsSchema, async (input, staff) =>
  ok(await findProductsForOrderLine(await getDb(), { sellerId: staff.sellerId, query: input.query })),
);
