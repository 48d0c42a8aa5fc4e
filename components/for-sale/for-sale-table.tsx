import Link from 'next/link';
import type { ForSaleRow } from '@/db/queries/for-sale';
import { AddToCart } from '@/components/cart/add-to-cart';
import { EmptyRow, Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { forSaleQueryString, type ForSaleSort, type ForSaleView } from '@/lib/validation/for-sale';

function SortHeader({ label, sort, view, base, className = '' }: { label: string; sort: ForSaleSort; view: ForSaleView; base: string; className?: string }) {
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

/**
 * One row per available product. Kept lean on purpose (cell padding is set
 * once on the table): fifty rows must stay well under the page-weight budget.
 */
export function ForSaleTable({
  rows,
  view,
  base,
  currency,
  filtered,
  total,
}: {
  rows: ForSaleRow[];
  view: ForSaleView;
  base: string;
  currency: string;
  filtered: boolean;
  total: number;
}) {
  return (
    <Table caption="Products for sale" className="[&_td]:px-3 [&_td]:py-2">
      <thead>
        <tr>
          <SortHeader label="Product" sort="model" view={view} base={base} />
          <Th>Capacity</Th>
          <Th>Color</Th>
          <Th>Network</Th>
          <Th>Grade</Th>
          <SortHeader label="Price" sort="price" view={view} base={base} className="text-right" />
          <SortHeader label="Available" sort="quantity" view={view} base={base} className="text-right" />
          <Th className="text-right">Add to cart</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? (
          <EmptyRow colSpan={8}>
            {total > 0 ? (
              <>
                This page is past the end of the list.{' '}
                <Link href={`${base}${forSaleQueryString({ ...view, page: 1 })}`} className="text-[var(--brand)] underline">
                  Go to the first page
                </Link>
              </>
            ) : filtered ? (
              'Nothing for sale matches these filters.'
            ) : (
              'Nothing is for sale right now. Please check back soon.'
            )}
          </EmptyRow>
        ) : null}
        {rows.map((r) => (
          <tr key={r.id}>
            <td>
              <b className="font-medium">
                {r.manufacturer} {r.model}
              </b>
              <br />
              <small className="text-slate-500">{r.sku}</small>
            </td>
            <td>{r.capacity}</td>
            <td>{r.color}</td>
            <td>{r.network}</td>
            <td>{r.grade}</td>
            <td className="text-right tabular-nums">
              {r.listPrice === null ? <i className="text-slate-500">Price on request</i> : formatMoney(r.listPrice, currency)}
            </td>
            <td className="text-right tabular-nums">{r.available}</td>
            <td>
              <AddToCart productId={r.id} label={productLabel(r)} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
