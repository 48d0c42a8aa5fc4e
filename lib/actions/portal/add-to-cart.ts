'use server';

import { getDb } from '@/db';
import { addToCart } from '@/db/queries/cart';
import { ok, portalAction } from '@/lib/actions';
import { withoutAvailable } from '@/lib/portal/quantity-display';
import { addToCartSchema } from '@/lib/validation/cart';

/** Adds a quantity of a product to the signed-in account's cart (refused above what is available). */
export const addToCartAction = portalAction('addToCartAction', addToCartSchema, async (input, customer) => {
  const db = await getDb();
  const change = await db.transaction((tx) =>
    addToCart(tx, { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId }),
  );
  // What is available stays on the server: the messages say it as the seller's quantity display allows.
  return ok(withoutAvailable(change), `Added ${change.added} to your cart.`);
});
