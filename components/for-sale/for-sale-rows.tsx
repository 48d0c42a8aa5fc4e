'use client';

import { AddToCartForm, useAddToCart } from '@/components/cart/add-to-cart';
import { GradeBadge } from './grade-badge';

/** One For Sale row as the browser needs it: the server formats the title, price and label. */
export type ForSaleRowView = {
  id: number;
  title: string;
  sku: string;
  grade: string;
  /** The formatted price; null: price on request. */
  price: string | null;
  available: number;
  /** The quantity input's name, e.g. "Apple iPhone 12 · 64GB · Black · AT&T · Grade A+". */
  label: string;
};

/**
 * The rows of the For Sale list, one client island for the whole page of
 * rows: its props are the rows' data (a few KB), not 50 rendered trees, and
 * the 50 Add controls share one `useAddToCart`.
 */
export function ForSaleRows({ rows }: { rows: ForSaleRowView[] }) {
  const controls = useAddToCart();
  return rows.map((r) => (
    <tr key={r.id}>
      <td className="break-words">
        <b className="font-medium">{r.title}</b>
        <br />
        <small className="text-slate-500">{r.sku}</small>
      </td>
      <td>
        <GradeBadge grade={r.grade} />
      </td>
      <td className="text-right tabular-nums">{r.price === null ? <i className="text-slate-500">Price on request</i> : r.price}</td>
      <td className="text-right tabular-nums">{r.available}</td>
      <td>
        <AddToCartForm productId={r.id} label={r.label} controls={controls} />
      </td>
    </tr>
  ));
}
