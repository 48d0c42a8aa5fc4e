'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import { useEffect, useId, useState } from 'react';
import { Field, Input } from '@/components/ui/field';
import { Button } from '@/components/ui/button';
import { findProductsForOrderAction } from '@/lib/actions/orders/find-products-for-order';
import type { ProductForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { formatMoney } from '@/lib/money';

/** Type a SKU or model, pick a product: the results show list price and what is available. */
export function ProductPicker({
  currency,
  onPick,
  label = 'Find a product by SKU or model',
  pickLabel = 'Add',
}: {
  currency: string;
  onPick: (product: ProductForOrderLine) => void;
  label?: string;
  /** The verb of each result's button: "Add" on an order, "Choose" where one product is picked. */
  pickLabel?: string;
}) {
  const sellerFormat = useSellerFormat();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ProductForOrderLine[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      setSearching(true);
      const answer = await findProductsForOrderAction({ query: text });
      if (!cancelled) {
        setResults(answer.ok ? answer.data : []);
        setSearching(false);
      }
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  const shown = query.trim().length < 2 ? [] : results;
  return (
    <div className="space-y-2">
      <Field id={id} label={label} hint="At least 2 characters; an exact SKU comes first, then what is most available.">
        <Input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </Field>
      {searching ? <p className="text-sm text-slate-600">Searching…</p> : null}
      {shown.length ? (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 bg-white" aria-label="Matching products">
          {shown.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-mono text-xs text-slate-600">{p.sku}</span>
                <span className="block">{p.description}</span>
                <span className="text-xs text-slate-600">
                  {p.listPrice === null ? 'No list price' : formatMoney(p.listPrice, currency, sellerFormat.locale)} · {p.available} available
                </span>
              </span>
              <Button
                size="sm"
                variant="secondary"
                aria-label={`${pickLabel} ${p.sku}`}
                onClick={() => {
                  onPick(p);
                  setQuery('');
                  setResults([]);
                }}
              >
                {pickLabel}
              </Button>
            </li>
          ))}
        </ul>
      ) : query.trim().length >= 2 && !searching ? (
        <p className="text-sm text-slate-600">No product matches “{query.trim()}”.</p>
      ) : null}
    </div>
  );
}
