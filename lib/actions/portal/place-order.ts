'use server';

import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { CheckoutRefusal, placeOrder } from '@/db/queries/checkout';
import { customerAction, fail, ok } from '@/lib/actions';
import { checkoutSchema, type CheckoutInput } from '@/lib/validation/checkout';
import { assertPortalOpen } from './guard';

const run = customerAction(checkoutSchema, async (input, customer) => {
  assertPortalOpen(customer);
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  try {
    const order = await placeOrder(db, {
      ...input,
      ...scope,
      organizationId: customer.organizationId,
    });
    return ok({ number: order.number, alreadyPlaced: order.alreadyPlaced, summary: await cartSummary(db, scope) });
  } catch (error) {
    if (!(error instanceof CheckoutRefusal)) throw error;
    if (error.code === 'payment_method') return fail(error.message, { paymentMethodId: [error.message] });
    if (error.code === 'short') {
      return fail('Some lines are above what is available now. Adjust them in your cart, then check out again.', {
        lines: error.shortLines.map((l) =>
          l.available > 0
            ? `${l.label}: ${l.available} available, ${l.inCart} in your cart`
            : `${l.label}: no longer available`,
        ),
      });
    }
    return fail(error.message);
  }
});

/** Places the order from the cart; the same idempotency key always answers with the same order. */
export async function placeOrderAction(slug: string, input: CheckoutInput) {
  return run(slug, input);
}
