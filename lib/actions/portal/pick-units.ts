'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { pickUnits } from '@/db/queries/portal/units/pick-units';
import { ok, portalAction } from '@/lib/actions';
import { pickUnitsSchema } from '@/lib/validation/unit-picks';

/** Puts the units the buyer picked on a product page into their cart (each id checked again on the server). */
export const pickUnitsAction = portalAction('pickUnitsAction', pickUnitsSchema, async (input, customer) => {
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  const { picked } = await db.transaction((tx) => pickUnits(tx, { ...scope, deviceIds: input.deviceIds }));
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  // The header's cart count counts picked units too; the form hands it to the badge.
  return ok({ picked, summary: await cartSummary(db, scope) }, `Added ${picked} ${picked === 1 ? 'unit' : 'units'} to your cart.`);
});
