'use client';

import { assignPriceListAction } from '@/lib/actions/price-lists/assign-price-list';
import { ActionForm } from '@/components/ui/action-form';
import { Field, Select } from '@/components/ui/field';

/** An organization's price list, chosen on its page; "List prices" takes it off any list. */
export function OrganizationPriceListForm({ organizationId, current, choices }: { organizationId: number; current: number | null; choices: { id: number; name: string }[] }) {
  return (
    <ActionForm action={assignPriceListAction} submitLabel="Save price list" variant="secondary" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="organizationIds" value={organizationId} />
      <Field id="organization-price-list" label="Price list">
        <Select id="organization-price-list" name="priceListId" defaultValue={current === null ? '' : String(current)}>
          <option value="">List prices</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
    </ActionForm>
  );
}
