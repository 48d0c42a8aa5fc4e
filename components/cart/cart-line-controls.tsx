'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { refusalMessage, useCartChange } from './use-cart';

/**
 * Quantity, update and remove for one cart line. The badge moves at once;
 * a refusal puts it back and says why; success re-renders the cart.
 */
export function CartLineControls({
  productId,
  label,
  quantity,
  changeTo,
  min = 1,
  step = 1,
}: {
  productId: number;
  label: string;
  quantity: number;
  /** For a short line: the allowed quantity to offer instead (null when the seller's setting keeps it back). */
  changeTo: number | null;
  min?: number;
  step?: number;
}) {
  const router = useRouter();
  const [value, setValue] = useState(String(quantity));
  const [shown, setShown] = useState(quantity);
  if (shown !== quantity) {
    setShown(quantity);
    setValue(String(quantity));
  }
  const change = useCartChange();
  const id = `cart-qty-${productId}`;
  const error = refusalMessage(change.error);
  const set = (to: string) =>
    change.mutate(
      { kind: 'set', productId, quantity: to, from: quantity },
      { onSuccess: () => router.refresh(), onError: () => setValue(String(quantity)) },
    );
  return (
    <div className="space-y-1">
      <form
        noValidate
        className="flex flex-wrap items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          set(value);
        }}
      >
        <label htmlFor={id} className="sr-only">
          Quantity of {label}
        </label>
        <input
          id={id}
          type="number"
          min={min}
          step={step}
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-msg` : undefined}
          className="w-20 rounded border border-slate-300 px-2 py-1 text-right"
        />
        <button type="submit" disabled={change.isPending} className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-50 disabled:opacity-50">
          Update
        </button>
        {changeTo ? (
          <button type="button" disabled={change.isPending} onClick={() => set(String(changeTo))} className="rounded border border-amber-400 bg-amber-50 px-2.5 py-1 text-sm font-medium text-amber-900 disabled:opacity-50">
            Change to {changeTo}
          </button>
        ) : null}
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ kind: 'remove', productId, from: quantity }, { onSuccess: () => router.refresh() })}
          className="rounded px-2.5 py-1 text-sm font-medium text-red-700 hover:bg-red-50 disabled:opacity-50"
          aria-label={`Remove ${label}`}
        >
          Remove
        </button>
      </form>
      {error ? (
        <p id={`${id}-msg`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
