'use client';

import { useSellerFormat } from '@/components/ui/seller-format';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CartContents } from '@/db/queries/cart';
import { cartSummaryKey, usePortalSlug } from '@/components/cart/cart-provider';
import { ActionMessage } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import { Table, Th } from '@/components/ui/table';
import { requestQuoteAction } from '@/lib/actions/portal/request-quote';
import type { ActionResult } from '@/lib/actions/result';
import { formatMoney, moneyExample } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';

/**
 * The quote request: the cart's lines (read again on the server) with an
 * optional target unit price each, and a message. The idempotency key made
 * with the page makes a retried submit find the quote the first one made.
 */
export function RequestQuoteForm({ cart, currency, idempotencyKey }: { cart: CartContents; currency: string; idempotencyKey: string }) {
  const sellerFormat = useSellerFormat();
  const slug = usePortalSlug();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const [sent, setSent] = useState(false);
  const errorOf = (productId: number) => (result && !result.ok ? result.fieldErrors?.[`target.${productId}`]?.[0] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const answer = await requestQuoteAction(slug, data);
      setResult(answer);
      if (answer.ok) {
        setSent(true);
        queryClient.setQueryData(cartSummaryKey(slug), answer.data.summary);
        router.push(`/p/${slug}/quotes/${answer.data.number}?requested=1`);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Table caption="Products to quote" className="[&_td]:px-3 [&_td]:py-3">
        <thead>
          <tr>
            <Th>Product</Th>
            <Th className="text-right">Quantity</Th>
            <Th className="text-right">Your price now</Th>
            <Th>Target unit price (optional)</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cart.lines.map((line) => {
            const id = `target-${line.productId}`;
            const label = productLabel(line);
            const error = errorOf(line.productId);
            return (
              <tr key={line.productId}>
                <td>
                  <span className="font-medium">{label}</span>
                  <br />
                  <small className="text-slate-500">{line.sku}</small>
                </td>
                <td className="text-right tabular-nums">{line.quantity}</td>
                <td className="text-right tabular-nums">{line.price === null ? <i className="text-slate-500">Price on request</i> : formatMoney(line.price, currency, sellerFormat.locale)}</td>
                <td>
                  <input type="hidden" name="productId" value={line.productId} />
                  <label htmlFor={id} className="sr-only">
                    Target unit price for {label} ({currency})
                  </label>
                  <Input
                    id={id}
                    name="targetPrice"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={moneyExample(currency)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                    className="max-w-40"
                  />
                  {error ? (
                    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                      {error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <Field id="quote-message" label="Message (optional)" hint="Quantities you could take, delivery dates, anything that helps us price it.">
        <Textarea id="quote-message" name="message" rows={4} maxLength={2000} />
      </Field>
      <p className="text-sm text-slate-600">Sending the request empties your cart: its lines move to the quote.</p>
      <Button type="submit" disabled={pending || sent}>
        {pending || sent ? 'Sending your request…' : 'Send quote request'}
      </Button>
      <ActionMessage result={result && !result.ok ? result : null} />
    </form>
  );
}
