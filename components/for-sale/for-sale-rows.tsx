'use client';

import Link from 'next/link';
import { AddToCartForm, useAddToCart, type AddToCartControls } from '@/components/cart/add-to-cart';
import { CachedMarkup } from '@/components/ui/cached-markup';
import { photoFileName } from '@/lib/photos/photo-path';
import { GradeBadge } from './grade-badge';

/** One For Sale row as the browser needs it: the server formats the title, price and label. */
export type ForSaleRowView = {
  id: number;
  title: string;
  sku: string;
  grade: string;
  /** The buyer's formatted price for one unit; null: price on request. */
  price: string | null;
  /** The formatted list price, when the buyer's price is lower. */
  was: string | null;
  /** The buyer's quantity breaks, e.g. "10+ $95.00 · 50+ $90.00"; null: none. */
  breaks: string | null;
  /** The available quantity as the seller's setting shows it ("12", "50+", "In stock"), formatted on the server. */
  available: string;
  /** The quantity rules, e.g. "Min 5 · packs of 5"; null: none. */
  rules: string | null;
  /** The smallest allowed quantity and the increment, for the quantity input. */
  min: number;
  step: number;
  /** The quantity input's name, e.g. "Apple iPhone 12 · 64GB · Black · AT&T · Grade A+". */
  label: string;
  /** The hash of the product's first photo and its alt text (the URL is built here, once per row); null: no photo. */
  thumb: string | null;
  thumbAlt: string | null;
};

/**
 * The rows of the For Sale list, one client island for the whole page of
 * rows: its props are the rows' data (a few KB), not 50 rendered trees, and
 * the 50 Add controls share one `useAddToCart`. The server renders a page of
 * rows once per distinct data (`CachedMarkup`): the same page for buyers on
 * the same prices is streamed from the markup cache.
 */
export function ForSaleRows(props: { rows: ForSaleRowView[]; photos: string; guide: string; products: string; className?: string }) {
  const controls = useAddToCart();
  const { className, ...shown } = props;
  return <CachedMarkup as="tbody" cacheKey={() => `for-sale-rows:${JSON.stringify(shown)}`} className={className} content={() => forSaleRows(shown, controls)} />;
}

function forSaleRows({ rows, photos, guide, products }: { rows: ForSaleRowView[]; photos: string; guide: string; products: string }, controls: AddToCartControls) {
  return rows.map((r) => (
    <tr key={r.id}>
      <td className="break-words">
        <div className="flex items-center gap-3">
          {r.thumb ? (
            // The 96 px WebP shown at 48 px (sharp on 2× screens), loaded only when scrolled to.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={`${photos}/${photoFileName(r.thumb, 96)}`} width={48} height={48} alt={r.thumbAlt ?? ''} loading="lazy" decoding="async" className="shrink-0" />
          ) : (
            <span className="h-12 w-12 shrink-0" aria-hidden />
          )}
          <span>
            {/* No prefetch: 50 product pages per view would multiply its cost. */}
            <Link href={`${products}/${encodeURIComponent(r.sku)}`} prefetch={false} className="font-medium hover:underline">
              {r.title}
            </Link>
            <br />
            <small className="text-slate-500">{r.sku}</small>
          </span>
        </div>
      </td>
      <td>
        <GradeBadge grade={r.grade} guide={guide} />
      </td>
      <td className="text-right tabular-nums">
        {r.price === null ? <i className="text-slate-500">Price on request</i> : r.price}
        {r.was ? (
          <small className="block text-slate-500">
            <s>{r.was}</s> list
          </small>
        ) : null}
        {r.breaks ? <small className="block text-slate-600">{r.breaks}</small> : null}
      </td>
      <td className="text-right tabular-nums" data-label="Available">
        {r.available}
      </td>
      <td>
        {r.rules ? <small className="block text-right text-slate-600">{r.rules}</small> : null}
        <AddToCartForm productId={r.id} label={r.label} controls={controls} min={r.min} step={r.step} />
      </td>
    </tr>
  ));
}
