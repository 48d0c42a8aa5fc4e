'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import type { ForSaleFacets } from '@/db/queries/for-sale';
import { forSaleFacetKeys, forSaleQueryString, parseForSaleView, type ForSaleFacetKey } from '@/lib/validation/for-sale';

const labels: Record<ForSaleFacetKey, string> = {
  manufacturer: 'Manufacturer',
  model: 'Model',
  capacity: 'Capacity',
  color: 'Color',
  network: 'Network',
  grade: 'Grade',
};

const control = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';

/**
 * Search and attribute filters, each value with the number of products it
 * would leave. The URL holds the state, so a link reproduces the view; a
 * changed filter applies at once and starts again at page 1.
 */
export function ForSaleFilters({ options }: { options: ForSaleFacets['options'] }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = parseForSaleView(new URLSearchParams(searchParams.toString()));
  const [q, setQ] = useState(view.q);
  const [shownQ, setShownQ] = useState(view.q);
  const [pending, startTransition] = useTransition();
  // The URL changed under the search box (Clear filters, back button): show its search.
  if (shownQ !== view.q) {
    setShownQ(view.q);
    setQ(view.q);
  }

  const go = (changes: Partial<typeof view>) =>
    startTransition(() => router.push(`${pathname}${forSaleQueryString({ ...view, ...changes, page: 1 })}`, { scroll: false }));
  const filtered = Boolean(view.q) || forSaleFacetKeys.some((k) => view[k]);

  return (
    <form
      role="search"
      aria-label="Filter the For Sale list"
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 lg:grid-cols-8"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        go({ q: q.trim() });
      }}
    >
      <div className="col-span-2">
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
            className={`${control} mt-0`}
          />
          <button type="submit" className="rounded-md bg-[var(--brand)] px-3 text-sm font-medium text-white">
            Search
          </button>
        </div>
      </div>
      {forSaleFacetKeys.map((key) => {
        const values = options[key];
        const selected = view[key];
        const list = selected && !values.some((o) => o.value === selected) ? [{ value: selected, count: 0 }, ...values] : values;
        return (
          <div key={key}>
            <label htmlFor={`for-sale-${key}`} className="text-sm font-medium">
              {labels[key]}
            </label>
            <select id={`for-sale-${key}`} value={selected} onChange={(e) => go({ [key]: e.target.value })} className={control}>
              <option value="">All</option>
              {list.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.value} ({o.count})
                </option>
              ))}
            </select>
          </div>
        );
      })}
      {pending || filtered ? (
        <p className="col-span-full flex items-center gap-4 text-sm text-slate-600">
          {pending ? <span role="status">Updating…</span> : null}
          {filtered ? (
            <Link href={`${pathname}${forSaleQueryString({ sort: view.sort, dir: view.dir })}`} className="text-[var(--brand)] underline">
              Clear filters
            </Link>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
