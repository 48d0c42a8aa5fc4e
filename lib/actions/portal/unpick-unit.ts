'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { unpickUnit } from '@/db/queries/portal/units/pick-units';
import { ok, portalAction } from '@/lib/actions';
import { unpickUnitSchema } from '@/lib/validation/unit-picks';

/** Takes a picked unit out of the signed-in account's cart. */
export const unpickUnitAction = portalAction('unpickUnitAction', unpickUnitSchema, async (input, customer) => {
  await unpickUnit(await getDb(), { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId, deviceId: input.deviceId });
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  return ok({}, 'Removed from your cart.');
});
