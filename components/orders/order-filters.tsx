import { FilterBar } from '@/components/back-office/filter-bar';
import { Field, Input, Select } from '@/components/ui/field';
import type { OrderFormOptions } from '@/db/queries/orders/order-form-options';

/** Orders > filters: status, channel, organization, dates and an order or PO number. */
export function OrderFilters({
  values,
  options,
}: {
  values: Record<string, string | undefined>;
  options: OrderFormOptions;
}) {
  return (
    <FilterBar action="/admin/orders" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7">
      <Field id="filter-status" label="Status">
        <Select id="filter-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          <option value="open">Any open status</option>
          {options.statuses.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-channel" label="Channel">
        <Select id="filter-channel" name="channel" defaultValue={values.channel ?? ''}>
          <option value="">Any channel</option>
          {options.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-organization" label="Organization">
        <Select id="filter-organization" name="organization" defaultValue={values.organization ?? ''}>
          <option value="">Any organization</option>
          {options.organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="filter-from" label="From">
        <Input id="filter-from" name="from" type="date" defaultValue={values.from ?? ''} />
      </Field>
      <Field id="filter-to" label="To">
        <Input id="filter-to" name="to" type="date" defaultValue={values.to ?? ''} />
      </Field>
      <Field id="filter-q" label="Order or PO number">
        <Input id="filter-q" name="q" type="search" defaultValue={values.q ?? ''} />
      </Field>
    </FilterBar>
  );
}
