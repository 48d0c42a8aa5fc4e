'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { pickUnits } from '@/db/queries/portal/units/pick-units';
import { ok, portalAction } from '@/lib/actions';
import { pickUnitsSchema } from '@/lib/validation/unit-picks';

/** Puts the units the buyer picked on a product page into their cart (each id checked again on the server). */
export const pickUnitsAction = portalAction('pickUnitsAction', pickUnitsSchema, async (input, customer) => {
  const db = await getDb();
  const { picked } = await db.transaction((tx) =>
    pickUnits(tx, { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId, deviceIds: input.deviceIds }),
  );
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  return ok({ picked }, `Added ${picked} ${picked === 1 ? 'unit' : 'units'} to your cart.`);
});
