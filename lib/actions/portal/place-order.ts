'use server';

import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { placeOrder, shortLineNames, type CheckoutRefusal } from '@/db/queries/checkout';
import { fail, ok, portalAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { checkoutSchema } from '@/lib/validation/checkout';

/** Places the order from the cart; the same idempotency key always answers with the same order. */
export const placeOrderAction = portalAction('placeOrderAction', checkoutSchema, async (input, customer) => {
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  try {
    const order = await placeOrder(db, { ...input, ...scope, organizationId: customer.organizationId });
    return ok({ number: order.number, alreadyPlaced: order.alreadyPlaced, summary: await cartSummary(db, scope) });
  } catch (error) {
    // The checkout form lists the short lines under a message that sends the customer back to the cart.
    if (!isRefusal(error) || error.code !== 'short') throw error;
    const { shortLines } = (error as CheckoutRefusal).details;
    return fail('Some lines are above what is available now. Adjust them in your cart, then check out again.', {
      lines: shortLineNames(shortLines),
    });
  }
});
