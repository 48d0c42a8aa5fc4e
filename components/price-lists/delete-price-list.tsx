'use client';

import { deletePriceListAction } from '@/lib/actions/price-lists/delete-price-list';
import { ConfirmedActionButton } from '@/components/ui/confirmed-action-button';

/** Deletes the list after a confirmation that names it and its prices; refused while organizations are on it. */
export function DeletePriceList({ priceListId, name, prices }: { priceListId: number; name: string; prices: number }) {
  return (
    <ConfirmedActionButton
      label="Delete price list"
      pendingLabel="Deleting…"
      variant="danger"
      title={`Delete ${name}?`}
      description={`Its ${prices.toLocaleString('en-US')} ${prices === 1 ? 'price goes' : 'prices go'} with it. Orders already placed keep their prices.`}
      confirmLabel="Delete price list"
      run={() => deletePriceListAction({ id: priceListId })}
      afterSuccess="/admin/price-lists"
    />
  );
}
