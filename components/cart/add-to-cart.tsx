'use client';

import { useRef, useState } from 'react';
import { canAddOf, refusalMessage, useCartChange } from './use-cart';

/**
 * Quantity and "Add" for one product; the server checks the quantity against
 * what is available. The message line below is always there (one line high),
 * so a message never moves the table. While the request runs the button stays
 * focusable (`aria-disabled`, not `disabled`), so keyboard focus stays on it.
 * A refusal offers the most that can be added ("Only 10 available." Add 10).
 */
export function AddToCart({
  productId,
  label,
  buttonLabel = 'Add to cart',
}: {
  productId: number;
  label: string;
  buttonLabel?: string;
}) {
  const [quantity, setQuantity] = useState('1');
  const [added, setAdded] = useState<string | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const change = useCartChange();
  const id = `qty-${productId}`;
  const error = local ?? refusalMessage(change.error);
  const canAdd = local ? null : canAddOf(change.error);
  const pending = change.isPending;

  const add = (value: string) => {
    if (pending) return;
    setAdded(null);
    const n = Number(value.trim());
    if (value.trim() !== '' && Number.isFinite(n) && n < 1) {
      // Said before asking the server: an add needs a positive quantity.
      change.reset();
      setLocal('Enter at least 1.');
      return;
    }
    setLocal(null);
    change.mutate(
      { kind: 'add', productId, quantity: value },
      {
        onSuccess: (data) => {
          setAdded('quantity' in data ? `${data.quantity} in cart` : 'Added');
          setQuantity('1');
        },
      },
    );
  };

  return (
    <form
      noValidate
      className="flex flex-wrap items-center justify-end gap-x-2"
      onSubmit={(e) => {
        e.preventDefault();
        add(quantity);
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
        aria-describedby={`${id}-msg`}
        className="w-16 rounded border border-slate-300 px-2 py-1 text-right"
      />
      <button
        ref={button}
        type="submit"
        aria-disabled={pending || undefined}
        aria-label={buttonLabel === 'Add to cart' ? undefined : `${buttonLabel} ${label}`}
        className="rounded bg-[var(--brand)] px-2.5 py-1 font-medium text-white aria-disabled:cursor-wait aria-disabled:opacity-50"
      >
        {buttonLabel}
      </button>
      <div id={`${id}-msg`} className="flex h-5 w-full items-center justify-end gap-2 overflow-hidden text-xs">
        {error ? (
          <>
            <span role="alert" className="truncate text-red-700" title={error}>
              {error}
            </span>
            {canAdd ? (
              <button
                type="button"
                aria-disabled={pending || undefined}
                className="shrink-0 rounded border border-amber-400 bg-amber-50 px-1.5 font-medium text-amber-900"
                onClick={() => {
                  setQuantity(String(canAdd));
                  add(String(canAdd));
                  button.current?.focus();
                }}
              >
                Add {canAdd}
              </button>
            ) : null}
          </>
        ) : added ? (
          <span role="status" className="truncate text-green-700">
            {added}
          </span>
        ) : null}
      </div>
    </form>
  );
}
