'use server';

import { getDb } from '@/db';
import { removeFromCart } from '@/db/queries/cart';
import { customerAction, ok } from '@/lib/actions';
import { removeFromCartSchema } from '@/lib/validation/cart';
import { assertPortalOpen } from './guard';

const run = customerAction(removeFromCartSchema, async (input, customer) => {
  assertPortalOpen(customer);
  const summary = await removeFromCart(await getDb(), {
    sellerId: customer.sellerId,
    portalAccountId: customer.portalAccountId,
    productId: input.productId,
  });
  return ok({ summary }, 'Removed from your cart.');
});

export async function removeFromCartAction(slug: string, input: { productId: number }) {
  return run(slug, input);
}
