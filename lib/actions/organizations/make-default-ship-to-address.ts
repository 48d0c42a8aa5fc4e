'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { makeDefaultShipToAddress } from '@/db/queries/ship-to-addresses/make-default-ship-to-address';
import { ok, staffAction } from '@/lib/actions';
import { shipToAddressRef } from '@/lib/validation/ship-to-address';

/** Organization > Info & addresses > Make default. */
export const makeDefaultShipToAddressAction = staffAction('makeDefaultShipToAddressAction', 'staff', shipToAddressRef, async ({ organizationId, addressId }, staff) => {
  const changed = await makeDefaultShipToAddress(await getDb(), { sellerId: staff.sellerId, organizationId, addressId, actor: staff.actor });
  revalidatePath(`/admin/organizations/${organizationId}`);
  return ok(changed.data, changed.message);
});
