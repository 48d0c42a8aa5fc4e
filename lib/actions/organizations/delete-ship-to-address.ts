'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { deleteShipToAddress } from '@/db/queries/ship-to-addresses/delete-ship-to-address';
import { ok, staffAction } from '@/lib/actions';
import { shipToAddressRef } from '@/lib/validation/ship-to-address';

/** Organization > Info & addresses > Delete (confirmed in the dialog). */
export const deleteShipToAddressAction = staffAction('deleteShipToAddressAction', 'staff', shipToAddressRef, async ({ organizationId, addressId }, staff) => {
  const deleted = await deleteShipToAddress(await getDb(), { sellerId: staff.sellerId, organizationId, addressId, actor: staff.actor });
  revalidatePath(`/admin/organizations/${organizationId}`);
  return ok(deleted.data, deleted.message);
});
