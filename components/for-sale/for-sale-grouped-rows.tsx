'use client';

import { AddToCartForm, useAddToCart, type AddToCartControls } from '@/components/cart/add-to-cart';
import { CachedMarkup } from '@/components/ui/cached-markup';

/** One product in a grade cell of the grouped view, as the browser needs it: the server formats price and label. */
export type ForSaleCellView = {
  id: number;
  price: string | null;
  /** "12 available", "50+ available" or "In stock", formatted on the server. */
  available: string;
  rules: string | null;
  min: number;
  step: number;
  label: string;
};

/** One row of the grouped view: a variant's title and, per grade column in order, its products (often one, sometimes none). */
export type ForSaleGroupView = { title: string; cells: { grade: string; products: ForSaleCellView[] }[] };

/**
 * The rows of the grouped view, one client island for the whole page of
 * groups (like `ForSaleRows`): each grade cell shows the price, the quantity
 * available and its own quantity box and Add, all sharing one `useAddToCart`;
 * the server renders a page of groups once per distinct data (`CachedMarkup`).
 */
export function ForSaleGroupedRows({ groups, className }: { groups: ForSaleGroupView[]; className?: string }) {
  const controls = useAddToCart();
  return <CachedMarkup as="tbody" cacheKey={() => `for-sale-groups:${JSON.stringify(groups)}`} className={className} content={() => groupRows(groups, controls)} />;
}

function groupRows(groups: ForSaleGroupView[], controls: AddToCartControls) {
  return groups.map((group) => (
    <tr key={group.title}>
      <th scope="row" className="break-words px-3 py-2 text-left font-medium">
        {group.title}
      </th>
      {group.cells.map(({ grade, products }) => (
        <td key={grade} className="text-right" data-label={`Grade ${grade}`} data-empty={products.length === 0 || undefined}>
          {products.length === 0 ? (
            <span className="text-slate-500" aria-label={`None in grade ${grade}`}>
              —
            </span>
          ) : null}
          {products.map((c) => (
            <div key={c.id}>
              <p className="tabular-nums">
                {c.price === null ? <i className="text-slate-500">Price on request</i> : <b className="font-semibold">{c.price}</b>}
                <span className="text-slate-600"> · {c.available}</span>
              </p>
              {c.rules ? <small className="block text-slate-600">{c.rules}</small> : null}
              <AddToCartForm productId={c.id} label={c.label} buttonLabel="Add" controls={controls} min={c.min} step={c.step} />
            </div>
          ))}
        </td>
      ))}
    </tr>
  ));
}
