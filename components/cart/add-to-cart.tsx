'use client';

import { useState } from 'react';
import { refusalMessage, useCartChange } from './use-cart';

/** Quantity and "Add to cart" for one For Sale row; the server checks the quantity against what is available. */
export function AddToCart({ productId, label }: { productId: number; label: string }) {
  const [quantity, setQuantity] = useState('1');
  const [added, setAdded] = useState<string | null>(null);
  const change = useCartChange();
  const id = `qty-${productId}`;
  const error = refusalMessage(change.error);
  return (
    <form
      noValidate
      className="flex flex-wrap items-center justify-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        change.mutate(
          { kind: 'add', productId, quantity },
          {
            onSuccess: (data) => {
              setAdded('quantity' in data ? `${data.quantity} in cart` : 'Added');
              setQuantity('1');
            },
          },
        );
      }}
    >
      <label htmlFor={id} className="sr-only">
        Quantity of {label}
      </label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        inputMode="numeric"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        className="w-16 rounded border border-slate-300 px-2 py-1 text-right"
      />
      <button
        type="submit"
        disabled={change.isPending}
        className="rounded bg-[var(--brand)] px-2.5 py-1 font-medium text-white disabled:opacity-50"
      >
        Add to cart
      </button>
      {error ? (
        <p id={`${id}-msg`} role="alert" className="w-full text-right text-xs text-red-700">
          {error}
        </p>
      ) : added ? (
        <p role="status" className="w-full text-right text-xs text-green-700">
          {added}
        </p>
      ) : null}
    </form>
  );
}
