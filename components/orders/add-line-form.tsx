'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { ProductPicker } from './product-picker';
import { addOrderLineAction } from '@/lib/actions/orders/add-order-line';
import type { ActionResult } from '@/lib/actions/result';
import type { ProductForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { minorToDecimalString } from '@/lib/money';

/** Adds a product to an existing order at its list price or a typed one. */
export function AddLineForm({ orderNumber, currency }: { orderNumber: number; currency: string }) {
  const [product, setProduct] = useState<ProductForOrderLine | null>(null);
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();

  function pick(p: ProductForOrderLine) {
    setProduct(p);
    setQuantity('1');
    setPrice(p.listPrice === null ? '' : minorToDecimalString(p.listPrice, currency));
    setResult(null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!product) return;
    startTransition(async () => {
      const answer = await addOrderLineAction({ orderNumber, productId: product.id, quantity, unitPrice: price });
      setResult(answer);
      if (answer.ok) setProduct(null);
    });
  }

  return (
    <div className="space-y-3">
      {product ? (
        <form onSubmit={submit} className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_7rem_9rem_auto_auto]" noValidate>
          <p className="text-sm">
            <span className="font-mono text-xs text-slate-600">{product.sku}</span> {product.description}
            <span className="block text-xs text-slate-600">{product.available} available</span>
          </p>
          <Field id="add-line-quantity" label="Quantity">
            <Input id="add-line-quantity" inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          </Field>
          <Field id="add-line-price" label={`Unit price (${currency})`}>
            <Input id="add-line-price" inputMode="decimal" value={price} placeholder="to be quoted" onChange={(e) => setPrice(e.target.value)} />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add line'}
          </Button>
          <Button variant="ghost" onClick={() => setProduct(null)}>
            Cancel
          </Button>
        </form>
      ) : (
        <ProductPicker currency={currency} onPick={pick} label="Add a product by SKU or model" />
      )}
      <ActionMessage result={result} />
    </div>
  );
}
