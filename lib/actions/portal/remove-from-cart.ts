'use server';

import { getDb } from '@/db';
import { removeFromCart } from '@/db/queries/cart';
import { ok, portalAction } from '@/lib/actions';
import { removeFromCartSchema } from '@/lib/validation/cart';

/** Removes a line from the signed-in account's cart. */
export const removeFromCartAction = portalAction('removeFromCartAction', removeFromCartSchema, async (input, customer) => {
  const summary = await removeFromCart(await getDb(), {
    sellerId: customer.sellerId,
    portalAccountId: customer.portalAccountId,
    productId: input.productId,
  });
  return ok({ summary }, 'Removed from your cart.');
});
