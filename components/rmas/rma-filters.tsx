import { FilterBar } from '@/components/back-office/filter-bar';
import { Field, Select } from '@/components/ui/field';
import { rmaStatusLabel, rmaTransitions } from '@/lib/rmas/statuses';

/** RMAs > filters: status (or "not closed") and organization. */
export function RmaFilters({
  values,
  organizations,
}: {
  values: { status?: string; organization?: string };
  organizations: { id: number; name: string }[];
}) {
  return (
    <FilterBar action="/admin/rmas" className="flex flex-wrap items-end gap-3">
      <Field id="rma-filter-status" label="Status">
        <Select id="rma-filter-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          <option value="any_open">Not closed (Requested, Open, Received)</option>
          {Object.keys(rmaTransitions).map((s) => (
            <option key={s} value={s}>
              {rmaStatusLabel[s as keyof typeof rmaStatusLabel]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="rma-filter-organization" label="Organization">
        <Select id="rma-filter-organization" name="organization" defaultValue={values.organization ?? ''}>
          <option value="">Any organization</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
    </FilterBar>
  );
}
