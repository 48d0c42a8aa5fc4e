'use server';

import { getDb } from '@/db';
import { setCartQuantity } from '@/db/queries/cart';
import { ok, portalAction } from '@/lib/actions';
import { withoutAvailable } from '@/lib/portal/quantity-display';
import { setCartQuantitySchema } from '@/lib/validation/cart';

/** Sets a cart line to an exact quantity, from 1 up to what is available now. */
export const changeCartQuantityAction = portalAction('changeCartQuantityAction', setCartQuantitySchema, async (input, customer) => {
  const db = await getDb();
  const change = await db.transaction((tx) =>
    setCartQuantity(tx, { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId }),
  );
  // What is available stays on the server: the messages say it as the seller's quantity display allows.
  return ok(withoutAvailable(change), 'Quantity updated.');
});
