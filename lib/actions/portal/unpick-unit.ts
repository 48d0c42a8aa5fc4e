'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { unpickUnit } from '@/db/queries/portal/units/pick-units';
import { ok, portalAction } from '@/lib/actions';
import { unpickUnitSchema } from '@/lib/validation/unit-picks';

/** Takes a picked unit out of the signed-in account's cart. */
export const unpickUnitAction = portalAction('unpickUnitAction', unpickUnitSchema, async (input, customer) => {
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  await unpickUnit(db, { ...scope, deviceId: input.deviceId });
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  return ok({ summary: await cartSummary(db, scope) }, 'Removed from your cart.');
});
