'use client';

import { useState, useTransition } from 'react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useQueryClient } from '@tanstack/react-query';
import { cartSummaryKey } from '@/components/cart/cart-provider';
import { orderAgainAction, type OrderAgainResult } from '@/lib/actions/portal/order-again';
import type { ActionResult } from '@/lib/actions/result';

/** "Order again": the order's products into the cart, with what could not be filled. */
export function OrderAgainButton({ slug, orderNumber }: { slug: string; orderNumber: number }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<OrderAgainResult> | null>(null);
  const queryClient = useQueryClient();
  const shortfalls = result?.ok ? result.data.lines.filter((l) => l.outcome !== 'added') : [];
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        aria-disabled={pending || undefined}
        onClick={() => {
          if (pending) return;
          startTransition(async () => {
            const answer = await orderAgainAction(slug, { orderNumber });
            // The header's cart badge follows at once.
            if (answer.ok) queryClient.setQueryData(cartSummaryKey(slug), answer.data.summary);
            setResult(answer);
          });
        }}
      >
        {pending ? 'Adding to cart…' : 'Order again'}
      </Button>
      {result && !result.ok ? <Alert tone="error">{result.error}</Alert> : null}
      {result?.ok ? (
        <Alert tone={shortfalls.length ? 'warning' : 'success'} title={result.message}>
          {shortfalls.length ? (
            <>
              <p>Some lines could not be filled:</p>
              <ul className="mt-1 list-disc pl-5">
                {shortfalls.map((l) => (
                  <li key={l.productId}>{l.message}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-2">
            <Link href={`/p/${slug}/cart`} className="font-medium underline">
              Go to your cart
            </Link>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}
