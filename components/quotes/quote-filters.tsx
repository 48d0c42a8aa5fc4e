import { FilterBar } from '@/components/back-office/filter-bar';
import { Field, Select } from '@/components/ui/field';
import { QUOTE_STATUSES, quoteStatusNames } from '@/lib/validation/quotes';

/** Quotes > filter by status ("Expired": answered, past the validity date). */
export function QuoteFilters({ status }: { status?: string }) {
  return (
    <FilterBar action="/admin/quotes" className="flex flex-wrap items-end gap-3">
      <Field id="quote-filter-status" label="Status">
        <Select id="quote-filter-status" name="status" defaultValue={status ?? ''}>
          <option value="">Any status</option>
          {QUOTE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {quoteStatusNames[s]}
            </option>
          ))}
        </Select>
      </Field>
    </FilterBar>
  );
}
