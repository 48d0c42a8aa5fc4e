'use client';

import { removePriceListPriceAction } from '@/lib/actions/price-lists/remove-price-list-price';
import { ActionForm } from '@/components/ui/action-form';

/** "Remove" in a row of the list's prices; its message shows in the table's result scope. */
export function RemovePriceButton({ priceListId, productId, minQuantity, name }: { priceListId: number; productId: number; minQuantity: number; name: string }) {
  return (
    <ActionForm action={removePriceListPriceAction} submitLabel="Remove" submitName={`Remove ${name}`} variant="ghost"
      size="sm"
      confirm={{
        title: `Remove ${name}?`,
        description: 'Buyers on this price list pay the next price that applies to them (a lower break, or the list price).',
        confirmLabel: 'Remove price',
      }}
    >
      <input type="hidden" name="id" value={priceListId} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="minQuantity" value={minQuantity} />
    </ActionForm>
  );
}
