'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePortalSlug } from '@/components/cart/cart-provider';
import { ShipToAddressForm } from '@/components/organizations/ship-to-address-form';
import { Button } from '@/components/ui/button';
import { addBuyerShipToAddressAction } from '@/lib/actions/portal/add-buyer-ship-to-address';
import { emptyShipToAddress } from '@/lib/validation/ship-to-address';

/** Checkout > Add a shipping address (when the seller allows it): saved to the organization, then chosen. */
export function AddShipToAddress({ onAdded }: { onAdded: (addressId: number) => void }) {
  const slug = usePortalSlug();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Add a shipping address
      </Button>
    );
  }
  return (
    <section aria-labelledby="add-ship-to-heading" className="rounded-md border border-slate-200 bg-white p-3">
      <h3 id="add-ship-to-heading" className="mb-2 text-sm font-semibold">
        Add a shipping address
      </h3>
      <ShipToAddressForm
        idPrefix="checkout-ship-to"
        defaultValues={{ ...emptyShipToAddress, isDefault: false }}
        offerDefault={false}
        submitLabel="Save address"
        save={(values) => addBuyerShipToAddressAction(slug, values)}
        onSaved={(result) => {
          setOpen(false);
          onAdded(result.data.addressId);
          router.refresh();
        }}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}
