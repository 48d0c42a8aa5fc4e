'use server';

import { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { orderAgain, type OrderAgainLine } from '@/db/queries/portal/orders/order-again';
import type { CartSummary } from '@/lib/validation/cart';
import { ok, portalAction, Refusal } from '@/lib/actions';
import { withoutAvailable } from '@/lib/portal/quantity-display';

const orderAgainSchema = z.object({ orderNumber: z.coerce.number().int().positive().max(999_999_999) });

export type OrderAgainResult = { lines: Omit<OrderAgainLine, 'available'>[]; summary: CartSummary };

/** "Order again": the order's products into the cart, capped at what is available now. */
export const orderAgainAction = portalAction('orderAgainAction', orderAgainSchema, async (input, customer) => {
  const db = await getDb();
  const lines = await orderAgain(db, {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    portalAccountId: customer.portalAccountId,
    orderNumber: input.orderNumber,
  });
  // Another organization's order reads exactly like one that does not exist.
  if (!lines) throw new Refusal('That order was not found.', { code: 'not_found' });
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  const added = lines.reduce((n, l) => n + l.added, 0);
  const message = added
    ? `Added ${added} ${added === 1 ? 'device' : 'devices'} to your cart.`
    : 'Nothing could be added to your cart.';
  // The cart as it is now, so the header's badge shows the new count at once (no page load).
  const summary = await cartSummary(db, { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId });
  // What is available stays on the server: each line's message says it as the seller's quantity display allows.
  return ok<OrderAgainResult>({ lines: lines.map(withoutAvailable), summary }, message);
});
