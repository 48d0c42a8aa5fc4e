'use server';

import { getDb } from '@/db';
import { addToCart, CartRefusal } from '@/db/queries/cart';
import { customerAction, fail, ok } from '@/lib/actions';
import { addToCartSchema } from '@/lib/validation/cart';
import { assertPortalOpen } from './guard';

const run = customerAction(addToCartSchema, async (input, customer) => {
  assertPortalOpen(customer);
  const db = await getDb();
  try {
    const change = await db.transaction((tx) =>
      addToCart(tx, { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId }),
    );
    return ok(change, `Added ${change.added} to your cart.`);
  } catch (error) {
    if (error instanceof CartRefusal) return fail(error.message, { quantity: [error.message] });
    throw error;
  }
});

/** Adds a quantity of a product to the signed-in account's cart (refused above what is available). */
export async function addToCartAction(slug: string, input: { productId: number; quantity: number | string }) {
  return run(slug, input);
}
