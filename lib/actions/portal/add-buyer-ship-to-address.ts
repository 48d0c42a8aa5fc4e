'use server';

import { getDb } from '@/db';
import { addBuyerShipToAddress } from '@/db/queries/ship-to-addresses/save-ship-to-address';
import { ok, portalAction } from '@/lib/actions';
import { shipToAddressForm } from '@/lib/validation/ship-to-address';

/** Checkout > Add a shipping address: saved to the buyer's organization, when the seller allows it. */
export const addBuyerShipToAddressAction = portalAction('addBuyerShipToAddressAction', shipToAddressForm, async (values, customer) => {
  const address = await addBuyerShipToAddress(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    actor: { label: customer.name },
    values,
  });
  return ok({ addressId: address.id }, `${address.label} was added to ${customer.organizationName}.`);
});
