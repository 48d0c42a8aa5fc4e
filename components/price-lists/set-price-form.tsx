'use client';

import { setPriceListPriceAction } from '@/lib/actions/price-lists/set-price-list-price';
import { ActionForm } from '@/components/ui/action-form';
import { Field, Input } from '@/components/ui/field';
import { moneyExample } from '@/lib/money';

/** Sets one product's price on the list from a quantity on: 1 for its unit price, more for a quantity break. */
export function SetPriceForm({ priceListId, currency }: { priceListId: number; currency: string }) {
  return (
    <ActionForm action={setPriceListPriceAction} submitLabel="Set price" resetOnSuccess className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_1fr_auto]">
      <input type="hidden" name="id" value={priceListId} />
      <Field id="set-price-sku" label="SKU">
        <Input id="set-price-sku" name="sku" autoComplete="off" />
      </Field>
      <Field id="set-price-quantity" label="From quantity">
        <Input id="set-price-quantity" name="minQuantity" inputMode="numeric" defaultValue="1" />
      </Field>
      <Field id="set-price-price" label={`Unit price (${currency})`}>
        <Input id="set-price-price" name="price" inputMode="decimal" placeholder={moneyExample(currency)} />
      </Field>
    </ActionForm>
  );
}
