import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ForSaleRow } from '@/db/queries/for-sale';
import { EmptyRow, Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { forSaleQueryString, type ForSaleSort, type ForSaleView } from '@/lib/validation/for-sale';
import { variantTitle } from './grade-badge';
import { ForSaleRows } from './for-sale-rows';
import { canSortByQuantity, formatAvailable, type QuantityDisplay } from '@/lib/portal/quantity-display';
import { describeRules, smallestAllowed } from '@/lib/portal/quantity-rules';

export function SortHeader({ label, sort, view, base, className = '' }: { label: string; sort: ForSaleSort; view: ForSaleView; base: string; className?: string }) {
  const active = view.sort === sort;
  const dir = active && view.dir === 'asc' ? 'desc' : 'asc';
  // No prefetch: every sort is a fresh server render, and prefetching all of them would multiply each view's cost.
  return (
    <Th aria-sort={active ? (view.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={className}>
      <Link href={`${base}${forSaleQueryString({ ...view, sort, dir, page: 1 })}`} prefetch={false} className="hover:underline">
        {label}
        {active ? <span aria-hidden> {view.dir === 'asc' ? '▲' : '▼'}</span> : null}
      </Link>
    </Th>
  );
}

/** What an empty page says: past the end, nothing matching (with a way out), or nothing for sale. */
export function ForSaleEmpty({ view, base, filtered, total }: { view: ForSaleView; base: string; filtered: boolean; total: number }): ReactNode {
  if (total > 0)
    return (
      <>
        This page is past the end of the list.{' '}
        <Link href={`${base}${forSaleQueryString({ ...view, page: 1 })}`} className="text-[var(--brand-text)] underline">
          Go to the first page
        </Link>
      </>
    );
  if (filtered)
    return (
      <>
        Nothing for sale matches these filters.{' '}
        <Link href={`${base}${forSaleQueryString({ sort: view.sort, dir: view.dir, layout: view.layout })}`} className="text-[var(--brand-text)] underline">
          Clear filters
        </Link>
      </>
    );
  return 'Nothing is for sale right now. Please check back soon.';
}

/**
 * One row per available product: its title, the SKU as secondary text, the
 * grade as a badge. The header and the empty state render on the server; the
 * rows are one client island (`ForSaleRows`) fed the rows' data. The layout is fixed (set column widths, a reserved
 * message line under each Add), so a message never moves the columns. Kept
 * lean on purpose (cell padding is set once on the table): fifty rows must
 * stay well under the page-weight budget. At phone width the rows are
 * cards (`.for-sale-list` in app/globals.css), from the same markup.
 */
export function ForSaleTable({
  rows,
  view,
  base,
  currency,
  filtered,
  total,
  display,
}: {
  rows: ForSaleRow[];
  view: ForSaleView;
  base: string;
  currency: string;
  filtered: boolean;
  total: number;
  display: QuantityDisplay;
}) {
  return (
    <Table caption="Products for sale" cards className="for-sale-list table-fixed [&_td]:px-3 [&_td]:py-2">
      <colgroup>
        <col />
        <col className="w-20" />
        <col className="w-28" />
        <col className="w-28" />
        <col className="w-64" />
      </colgroup>
      <thead>
        <tr>
          <SortHeader label="Product" sort="model" view={view} base={base} />
          <Th>Grade</Th>
          <SortHeader label="Price" sort="price" view={view} base={base} className="text-right" />
          {canSortByQuantity(display) ? (
            <SortHeader label="Available" sort="quantity" view={view} base={base} className="text-right" />
          ) : (
            <Th className="text-right">Available</Th>
          )}
          <Th className="text-right">Add to cart</Th>
        </tr>
      </thead>
      {rows.length === 0 ? (
        <tbody className="divide-y divide-slate-100">
          <EmptyRow colSpan={5}>
            <ForSaleEmpty view={view} base={base} filtered={filtered} total={total} />
          </EmptyRow>
        </tbody>
      ) : (
        <ForSaleRows
          className="divide-y divide-slate-100"
          rows={rows.map((r) => ({
            id: r.id,
            title: variantTitle(r),
            sku: r.sku,
            grade: r.grade,
            price: r.price === null ? null : formatMoney(r.price, currency),
            was: r.listPrice !== null && r.price !== null && r.price < r.listPrice ? formatMoney(r.listPrice, currency) : null,
            breaks: r.breaks.length ? r.breaks.map((b) => `${b.min}+ ${formatMoney(b.price, currency)}`).join(' · ') : null,
            available: formatAvailable(r.available, display),
            rules: describeRules(r),
            min: smallestAllowed(r),
            step: r.orderIncrement,
            label: productLabel(r),
            thumb: r.thumb,
            thumbAlt: r.thumbAlt,
          }))}
          photos={`${base}/photos`}
          guide={`${base}/grades`}
          products={`${base}/products`}
        />
      )}
    </Table>
  );
}
