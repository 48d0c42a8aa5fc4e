import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { OrderFormOptions } from '@/db/queries/orders/order-form-options';

/** A plain GET form: every filter lives in the URL, so a filtered list can be shared. */
export function OrderFilters({
  values,
  options,
}: {
  values: Record<string, string | undefined>;
  options: OrderFormOptions;
}) {
  return (
    <form method="get" action="/admin/orders" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
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
      <div className="flex items-end gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <Link href="/admin/orders" className="px-2 py-2 text-sm text-slate-600 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
