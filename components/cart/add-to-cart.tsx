'use client';

import { useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { canAddOf, refusalMessage, useCartChange } from './use-cart';

/** What one product's message line says after an add: the refusal (with the most that can be added) or the result. */
export type AddMessage = { error: string; canAdd: number | null } | { added: string };

/**
 * Adding to the cart for a whole table at once: one cart mutation, and per
 * product its message line and whether its add is running. A table of 50
 * rows is one client island with this one hook, not 50 (the rows themselves
 * are plain forms: see `AddToCartForm`). Adds of different products may run
 * at the same time; a second add of the same product waits for the first.
 */
export function useAddToCart() {
  const change = useCartChange();
  const [messages, setMessages] = useState<ReadonlyMap<number, AddMessage>>(new Map());
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  // The guard against a double submit reads the latest set, not the render's.
  const running = useRef(new Set<number>());

  const say = (productId: number, message: AddMessage | null) =>
    setMessages((previous) => {
      const next = new Map(previous);
      if (message) next.set(productId, message);
      else next.delete(productId);
      return next;
    });
  const mark = (productId: number, on: boolean) => {
    if (on) running.current.add(productId);
    else running.current.delete(productId);
    setPending(new Set(running.current));
  };

  const add = async (productId: number, value: string, input: HTMLInputElement, reset = '1') => {
    if (running.current.has(productId)) return;
    const n = Number(value.trim());
    if (value.trim() !== '' && Number.isFinite(n) && n < 1) {
      // Said before asking the server: an add needs a positive quantity.
      say(productId, { error: 'Enter at least 1.', canAdd: null });
      return;
    }
    say(productId, null);
    mark(productId, true);
    try {
      const data = await change.mutateAsync({ kind: 'add', productId, quantity: value });
      say(productId, { added: 'quantity' in data ? `${data.quantity} in cart` : 'Added' });
      input.value = reset;
    } catch (error) {
      say(productId, { error: refusalMessage(error) ?? 'The cart could not be changed. Please try again.', canAdd: canAddOf(error) });
    } finally {
      mark(productId, false);
    }
  };

  return { add, messageOf: (productId: number) => messages.get(productId), isPending: (productId: number) => pending.has(productId) };
}

export type AddToCartControls = ReturnType<typeof useAddToCart>;

/**
 * Quantity and "Add" for one product; the server checks the quantity against
 * what is available. The message line below is always there (one line high),
 * so a message never moves the table. While the request runs the button stays
 * focusable (`aria-disabled`, not `disabled`), so keyboard focus stays on it.
 * A refusal offers the most that can be added ("Only 10 available." Add 10).
 * No state of its own: the table's `useAddToCart` holds it.
 */
export function AddToCartForm({
  productId,
  label,
  buttonLabel = 'Add to cart',
  controls,
  min = 1,
  step = 1,
}: {
  productId: number;
  label: string;
  buttonLabel?: string;
  controls: AddToCartControls;
  /** The smallest quantity the product's rules allow: the input starts there. */
  min?: number;
  /** The order increment (packs of N): the input steps by it. */
  step?: number;
}) {
  const id = `qty-${productId}`;
  const message = controls.messageOf(productId);
  const error = message && 'error' in message ? message : null;
  const pending = controls.isPending(productId) || undefined;
  const quantityOf = (form: HTMLFormElement) => form.elements.namedItem('quantity') as HTMLInputElement;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = quantityOf(e.currentTarget);
    void controls.add(productId, input.value, input, String(min));
  };
  const onAddMost = (e: MouseEvent<HTMLButtonElement>, most: number) => {
    const form = e.currentTarget.form!;
    const input = quantityOf(form);
    input.value = String(most);
    void controls.add(productId, input.value, input, String(min));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  };

  return (
    <form noValidate className="add-form" onSubmit={onSubmit}>
      <label htmlFor={id} className="sr-only">
        Quantity of {label}
      </label>
      <input
        id={id}
        name="quantity"
        type="number"
        min={min}
        step={step}
        inputMode="numeric"
        defaultValue={String(min)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
        className="add-quantity"
      />
      <button
        type="submit"
        aria-disabled={pending}
        aria-label={buttonLabel === 'Add to cart' ? undefined : `${buttonLabel} ${label}`}
        className="add-button"
      >
        {buttonLabel}
      </button>
      <div id={`${id}-msg`} className="add-message">
        {error ? (
          <>
            <span role="alert" className="truncate text-red-700" title={error.error}>
              {error.error}
            </span>
            {error.canAdd ? (
              <button
                type="button"
                aria-disabled={pending}
                className="shrink-0 rounded border border-amber-400 bg-amber-50 px-1.5 font-medium text-amber-900"
                onClick={(e) => onAddMost(e, error.canAdd!)}
              >
                Add {error.canAdd}
              </button>
            ) : null}
          </>
        ) : message && 'added' in message ? (
          <span role="status" className="truncate text-green-700">
            {message.added}
          </span>
        ) : null}
      </div>
    </form>
  );
}
