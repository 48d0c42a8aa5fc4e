'use server';

import { getDb } from '@/db';
import { CartRefusal, setCartQuantity } from '@/db/queries/cart';
import { customerAction, fail, ok } from '@/lib/actions';
import { setCartQuantitySchema } from '@/lib/validation/cart';
import { assertPortalOpen } from './guard';

const run = customerAction(setCartQuantitySchema, async (input, customer) => {
  assertPortalOpen(customer);
  const db = await getDb();
  try {
    const change = await db.transaction((tx) =>
      setCartQuantity(tx, { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId }),
    );
    return ok(change, 'Quantity updated.');
  } catch (error) {
    if (error instanceof CartRefusal) return fail(error.message, { quantity: [error.message] });
    throw error;
  }
});

/** Sets a cart line to an exact quantity, from 1 up to what is available now. */
export async function changeCartQuantityAction(slug: string, input: { productId: number; quantity: number | string }) {
  return run(slug, input);
}
