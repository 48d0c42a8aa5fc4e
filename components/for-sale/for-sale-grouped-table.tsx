import type { ForSaleGroup } from '@/db/queries/for-sale';
import { AddToCart } from '@/components/cart/add-to-cart';
import { EmptyRow, Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import type { ForSaleView } from '@/lib/validation/for-sale';
import { ForSaleEmpty, SortHeader } from './for-sale-table';
import { GradeBadge, variantTitle } from './grade-badge';

/**
 * The grouped view: one row per model, capacity, color and network, one
 * column per grade in the seller's order, each cell with the price, the
 * quantity available and its own quantity box and Add, so a buyer compares
 * grades at a glance. Fixed layout like the list: messages never move columns.
 */
export function ForSaleGroupedTable({
  groups,
  grades,
  view,
  base,
  currency,
  filtered,
  total,
}: {
  groups: ForSaleGroup[];
  grades: string[];
  view: ForSaleView;
  base: string;
  currency: string;
  filtered: boolean;
  total: number;
}) {
  return (
    <Table caption="Products for sale by grade" className="table-fixed [&_td]:px-3 [&_td]:py-2 [&_td]:align-top">
      <colgroup>
        <col className="w-64" />
        {grades.map((g) => (
          <col key={g} className="w-56" />
        ))}
      </colgroup>
      <thead>
        <tr>
          <SortHeader label="Product" sort="model" view={view} base={base} />
          {grades.map((g) => (
            <Th key={g} className="text-right">
              <GradeBadge grade={g} />
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.length === 0 ? (
          <EmptyRow colSpan={grades.length + 1}>
            <ForSaleEmpty view={view} base={base} filtered={filtered} total={total} />
          </EmptyRow>
        ) : null}
        {groups.map((group) => {
          const title = variantTitle(group);
          return (
            <tr key={title}>
              <th scope="row" className="break-words px-3 py-2 text-left font-medium">
                {title}
              </th>
              {grades.map((grade) => {
                const cells = group.cells.filter((c) => c.grade === grade);
                return (
                  <td key={grade} className="text-right">
                    {cells.length === 0 ? <span className="text-slate-400" aria-label={`None in grade ${grade}`}>—</span> : null}
                    {cells.map((c) => (
                      <div key={c.id}>
                        <p className="tabular-nums">
                          {c.listPrice === null ? <i className="text-slate-500">Price on request</i> : <b className="font-semibold">{formatMoney(c.listPrice, currency)}</b>}
                          <span className="text-slate-600"> · {c.available} available</span>
                        </p>
                        <AddToCart productId={c.id} label={productLabel({ ...group, grade })} buttonLabel="Add" />
                      </div>
                    ))}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
