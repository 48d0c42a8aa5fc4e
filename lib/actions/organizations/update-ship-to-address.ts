'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateShipToAddress } from '@/db/queries/ship-to-addresses/save-ship-to-address';
import { ok, staffAction } from '@/lib/actions';
import { updateShipToAddressSchema } from '@/lib/validation/ship-to-address';

/** Organization > Info & addresses > a shipping address > Edit > Save. */
export const updateShipToAddressAction = staffAction('updateShipToAddressAction', 'staff', updateShipToAddressSchema, async ({ organizationId, addressId, ...values }, staff) => {
  const updated = await updateShipToAddress(await getDb(), { sellerId: staff.sellerId, organizationId, addressId, actor: staff.actor, values });
  revalidatePath(`/admin/organizations/${organizationId}`);
  return ok(updated.data, updated.message);
});
