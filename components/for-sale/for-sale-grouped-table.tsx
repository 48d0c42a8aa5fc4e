import type { ForSaleGroup } from '@/db/queries/for-sale';
import { EmptyRow, Table, Th } from '@/components/ui/table';
import { formatMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import type { ForSaleView } from '@/lib/validation/for-sale';
import { ForSaleEmpty, SortHeader } from './for-sale-table';
import { GradeBadge, variantTitle } from './grade-badge';
import { ForSaleGroupedRows } from './for-sale-grouped-rows';
import { availableText, type QuantityDisplay } from '@/lib/portal/quantity-display';
import { describeRules, smallestAllowed } from '@/lib/portal/quantity-rules';

/**
 * The grouped view: one row per model, capacity, color and network, one
 * column per grade in the seller's order, each cell with the price, the
 * quantity available and its own quantity box and Add, so a buyer compares
 * grades at a glance. Fixed layout like the list: messages never move columns.
 * The header renders on the server, the rows are one client island.
 */
export function ForSaleGroupedTable({
  groups,
  grades,
  view,
  base,
  currency,
  filtered,
  total,
  display,
}: {
  display: QuantityDisplay;
  groups: ForSaleGroup[];
  grades: string[];
  view: ForSaleView;
  base: string;
  currency: string;
  filtered: boolean;
  total: number;
}) {
  return (
    <Table caption="Products for sale by grade" cards className="for-sale-grouped table-fixed [&_td]:px-3 [&_td]:py-2 [&_td]:align-top">
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
              <GradeBadge grade={g} guide={`${base}/grades`} />
            </Th>
          ))}
        </tr>
      </thead>
      {groups.length === 0 ? (
        <tbody className="divide-y divide-slate-100">
          <EmptyRow colSpan={grades.length + 1}>
            <ForSaleEmpty view={view} base={base} filtered={filtered} total={total} />
          </EmptyRow>
        </tbody>
      ) : (
        <ForSaleGroupedRows
          className="divide-y divide-slate-100"
          groups={groups.map((group) => ({
            title: variantTitle(group),
            cells: grades.map((grade) => ({
              grade,
              products: group.cells
                .filter((c) => c.grade === grade)
                .map((c) => ({
                  id: c.id,
                  price: c.price === null ? null : formatMoney(c.price, currency),
                  available: availableText(c.available, display),
                  rules: describeRules(c),
                  min: smallestAllowed(c),
                  step: c.orderIncrement,
                  label: productLabel({ ...group, grade }),
                })),
            })),
          }))}
        />
      )}
    </Table>
  );
}
