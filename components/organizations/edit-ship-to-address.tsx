'use client';

import { useRouter } from 'next/navigation';
import type { StaffShipToAddressInput } from '@/lib/validation/ship-to-address';
import { updateShipToAddressAction } from '@/lib/actions/organizations/update-ship-to-address';
import { ShipToAddressForm } from './ship-to-address-form';

/** A shipping address > Edit: saves, then goes back to Info & addresses. */
export function EditShipToAddress({
  organizationId,
  addressId,
  isDefault,
  defaultValues,
}: {
  organizationId: number;
  addressId: number;
  isDefault: boolean;
  defaultValues: StaffShipToAddressInput;
}) {
  const router = useRouter();
  const back = `/admin/organizations/${organizationId}`;
  return (
    <ShipToAddressForm
      idPrefix="ship-to"
      defaultValues={defaultValues}
      offerDefault={!isDefault}
      submitLabel="Save address"
      save={(values) => updateShipToAddressAction({ ...values, isDefault: isDefault || values.isDefault, organizationId, addressId })}
      onSaved={() => router.push(back)}
      onCancel={() => router.push(back)}
    />
  );
}
