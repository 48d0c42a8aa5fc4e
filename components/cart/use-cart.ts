'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addToCartAction } from '@/lib/actions/portal/add-to-cart';
import { changeCartQuantityAction } from '@/lib/actions/portal/change-cart-quantity';
import { removeFromCartAction } from '@/lib/actions/portal/remove-from-cart';
import type { ActionResult } from '@/lib/actions/result';
import { CAN_ADD_FIELD } from '@/lib/validation/cart';
import type { CartSummary } from '@/lib/validation/cart';
import { cartSummaryKey, usePortalSlug } from './cart-provider';

export function useCartSummary() {
  const slug = usePortalSlug();
  return useQuery({
    queryKey: cartSummaryKey(slug),
    queryFn: async (): Promise<CartSummary> => {
      const response = await fetch(`/api/portal/${encodeURIComponent(slug)}/cart`, { cache: 'no-store' });
      if (!response.ok) throw new Error('The cart could not be loaded.');
      return response.json();
    },
  });
}

export type CartChange =
  | { kind: 'add'; productId: number; quantity: string | number }
  | { kind: 'set'; productId: number; quantity: string | number; from: number }
  | { kind: 'remove'; productId: number; from: number };

/** A refused change: the action's failure result, thrown so the mutation rolls the badge back. */
type RefusedChange = Extract<ActionResult<unknown>, { ok: false }>;

function isRefusedChange(error: unknown): error is RefusedChange {
  return typeof error === 'object' && error !== null && 'ok' in error && error.ok === false && 'error' in error;
}

function guess(summary: CartSummary, change: CartChange): CartSummary {
  const n = Number(change.kind === 'remove' ? 0 : change.quantity);
  if (!Number.isInteger(n)) return summary;
  if (change.kind === 'add') return { lines: summary.lines, units: summary.units + n };
  if (change.kind === 'set') return { lines: summary.lines, units: summary.units - change.from + n };
  return { lines: Math.max(0, summary.lines - 1), units: Math.max(0, summary.units - change.from) };
}

/**
 * Changes the cart through the server actions. The badge moves at once and
 * rolls back when the server refuses; the refusal's message is the error.
 */
export function useCartChange() {
  const slug = usePortalSlug();
  const queryClient = useQueryClient();
  const key = cartSummaryKey(slug);
  return useMutation({
    mutationFn: async (change: CartChange) => {
      const result =
        change.kind === 'add'
          ? await addToCartAction(slug, { productId: change.productId, quantity: change.quantity })
          : change.kind === 'set'
            ? await changeCartQuantityAction(slug, { productId: change.productId, quantity: change.quantity })
            : await removeFromCartAction(slug, { productId: change.productId });
      if (!result.ok) throw result satisfies RefusedChange;
      return result.data;
    },
    onMutate: async (change) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CartSummary>(key);
      if (previous) queryClient.setQueryData(key, guess(previous, change));
      return { previous };
    },
    onError: (_error, _change, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (data) => queryClient.setQueryData(key, data.summary),
  });
}

export function refusalMessage(error: unknown): string | null {
  if (!error) return null;
  return isRefusedChange(error) ? error.error : 'The cart could not be changed. Please try again.';
}

/** The most a refused add could still put in the cart (carried by the refusal), or null. */
export function canAddOf(error: unknown): number | null {
  if (!isRefusedChange(error)) return null;
  const n = Number(error.fieldErrors?.[CAN_ADD_FIELD]?.[0]);
  return Number.isInteger(n) && n > 0 ? n : null;
}
