'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addBulkOrderToCart } from '@/db/queries/portal/bulk-order/bulk-order';
import { ok, portalAction } from '@/lib/actions';
import { bulkOrderAddSchema } from '@/lib/validation/bulk-order';

/** "Add N lines to the cart": the good lines of the preview, all in one transaction or none. */
export const addBulkOrderAction = portalAction('addBulkOrderAction', bulkOrderAddSchema, async (input, customer) => {
  const result = await addBulkOrderToCart(await getDb(), { ...input, sellerId: customer.sellerId, portalAccountId: customer.portalAccountId });
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  return ok(result, `Added ${result.added} ${result.added === 1 ? 'line' : 'lines'} (${result.units} ${result.units === 1 ? 'unit' : 'units'}) to your cart.`);
});
