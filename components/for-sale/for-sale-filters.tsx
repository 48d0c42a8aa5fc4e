'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useOptimistic, useState, useTransition, type FormEvent } from 'react';
import type { ForSaleFacets } from '@/db/queries/for-sale';
import { CachedMarkup } from '@/components/ui/cached-markup';
import { batteryBandLabels, carrierLockLabels, type BatteryBand, type CarrierLockState } from '@/lib/device-condition';
import {
  forSaleConditionKeys,
  forSaleFacetKeys,
  forSaleFiltered,
  forSaleQueryString,
  parseForSaleView,
  type ForSaleConditionKey,
  type ForSaleFacetKey,
} from '@/lib/validation/for-sale';

const labels: Record<ForSaleFacetKey, string> = {
  manufacturer: 'Manufacturer',
  model: 'Model',
  capacity: 'Capacity',
  color: 'Color',
  network: 'Network',
  grade: 'Grade',
};

const conditionLabels: Record<ForSaleConditionKey, string> = { battery: 'Battery health', lock: 'Carrier lock' };

/** How a condition value reads in the filter ("90% and above", "Unlocked"). */
function conditionValueLabel(key: ForSaleConditionKey, value: string): string {
  return key === 'battery' ? (batteryBandLabels[value as BatteryBand] ?? value) : (carrierLockLabels[value as CarrierLockState] ?? value);
}

type FacetOption = { value: string; count: number };

const control = 'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/**
 * Search and attribute filters. Each attribute is a group of checkboxes, one
 * per value with the number of products it would leave given the other
 * filters; several values of one attribute may be chosen ("A+ or A"). The URL
 * holds the state, so a link reproduces the view. A filter applies when a box
 * is ticked or cleared (a deliberate change: arrow keys move between boxes
 * without applying anything), and the list starts again at page 1. At
 * phone width the search stays in sight and the groups fold behind a
 * "Filters" button (with the number of values chosen).
 */
export function ForSaleFilters({ options, conditions }: { options: ForSaleFacets['options']; conditions: ForSaleFacets['conditions'] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = parseForSaleView(new URLSearchParams(searchParams.toString()));
  // The boxes show a change at once, while the new list loads.
  const [view, setOptimistic] = useOptimistic(current);
  const [q, setQ] = useState(view.q);
  const [shownQ, setShownQ] = useState(view.q);
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  // The URL changed under the search box (Clear filters, back button): show its search.
  if (shownQ !== current.q) {
    setShownQ(current.q);
    setQ(current.q);
  }

  const go = (changes: Partial<typeof view>) =>
    startTransition(() => {
      const next = { ...view, ...changes, page: 1 };
      setOptimistic(next);
      router.push(`${pathname}${forSaleQueryString(next)}`, { scroll: false });
    });
  const toggle = (key: ForSaleFacetKey | ForSaleConditionKey, value: string, on: boolean) => {
    const chosen: string[] = view[key];
    go({ [key]: on ? [...chosen, value] : chosen.filter((v) => v !== value) });
  };
  // Attribute groups, then the condition groups (their counts are products with units in that state).
  const groups: { key: ForSaleFacetKey | ForSaleConditionKey; legend: string; values: FacetOption[]; label: (v: string) => string }[] = [
    ...forSaleFacetKeys.map((key) => ({ key, legend: labels[key], values: options[key], label: (v: string) => v })),
    ...forSaleConditionKeys.map((key) => ({
      key,
      legend: conditionLabels[key],
      values: conditions[key],
      label: (v: string) => conditionValueLabel(key, v),
    })),
  ];
  const filtered = forSaleFiltered(view);
  const chosen = groups.reduce((n, g) => n + view[g.key].length, 0);

  return (
    <form
      role="search"
      aria-label="Filter the For Sale list"
      className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        go({ q: q.trim() });
      }}
    >
      <div className="max-w-xl">
        <label htmlFor="for-sale-q" className="text-sm font-medium">
          Search
        </label>
        <div className="mt-1 flex gap-2">
          <input
            id="for-sale-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Model, SKU, color…"
            className={control}
          />
          <button type="submit" className="rounded-md bg-[var(--brand)] px-3 text-sm font-medium text-[var(--brand-fg)]">
            Search
          </button>
        </div>
      </div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="for-sale-filter-groups"
        onClick={() => setOpen(!open)}
        className="min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-sm font-medium sm:hidden"
      >
        Filters{chosen ? ` (${chosen} chosen)` : ''} <span aria-hidden>{open ? '▴' : '▾'}</span>
      </button>
      {/* The groups' markup is rendered once per set of options and choices (components/ui/cached-markup.tsx). */}
      <CachedMarkup
        as="div"
        id="for-sale-filter-groups"
        className={`${open ? 'grid' : 'hidden'} grid-cols-2 gap-3 sm:grid sm:grid-cols-4 lg:grid-cols-8`}
        cacheKey={() => `for-sale-filters:${JSON.stringify(groups.map((g) => [g.key, g.values, view[g.key]]))}`}
        content={() =>
          groups.map(({ key, legend, values, label }) => {
            const selected: string[] = view[key];
            // A chosen value that nothing matches any more stays listed, so it can be cleared.
            const missing = selected.filter((v) => !values.some((o) => o.value === v)).map((value) => ({ value, count: 0 }));
            const list = [...missing, ...values];
            return (
              <fieldset key={key} className="min-w-0">
                <legend className="text-sm font-medium">
                  {legend}
                  {selected.length ? <span className="font-normal text-slate-500"> · {selected.length} chosen</span> : null}
                </legend>
                <div className="mt-1 max-h-40 overflow-y-auto rounded-md border border-slate-200 px-2 py-1">
                  {list.length === 0 ? <p className="py-0.5 text-sm text-slate-500">None</p> : null}
                  {list.map((o, i) => {
                    const id = `for-sale-${key}-${i}`;
                    return (
                      <div key={o.value} className="flex items-center gap-2 py-0.5 text-sm">
                        <input
                          id={id}
                          type="checkbox"
                          checked={selected.includes(o.value)}
                          onChange={(e) => toggle(key, o.value, e.target.checked)}
                          className="h-4 w-4 shrink-0"
                        />
                        <label htmlFor={id} className="min-w-0 flex-1 truncate">
                          {label(o.value)} <span className="text-slate-500">({o.count})</span>
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })
        }
      />
      <p className="flex min-h-5 items-center gap-4 text-sm text-slate-600">
        <span role="status">{pending ? 'Updating…' : ''}</span>
        {filtered ? (
          <Link href={`${pathname}${forSaleQueryString({ sort: view.sort, dir: view.dir, layout: view.layout })}`} className="text-[var(--brand-text)] underline">
            Clear filters
          </Link>
        ) : null}
      </p>
    </form>
  );
}
