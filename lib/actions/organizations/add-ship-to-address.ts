'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { addShipToAddress } from '@/db/queries/ship-to-addresses/save-ship-to-address';
import { ok, staffAction } from '@/lib/actions';
import { addShipToAddressSchema } from '@/lib/validation/ship-to-address';

/** Organization > Info & addresses > Add a shipping address. */
export const addShipToAddressAction = staffAction('addShipToAddressAction', 'staff', addShipToAddressSchema, async ({ organizationId, ...values }, staff) => {
  const added = await addShipToAddress(await getDb(), { sellerId: staff.sellerId, organizationId, actor: staff.actor, values });
  revalidatePath(`/admin/organizations/${organizationId}`);
  return ok(added.data, added.message);
});
