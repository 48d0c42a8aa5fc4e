'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { usePortalSlug } from '@/components/cart/cart-provider';
import { acceptQuoteAction } from '@/lib/actions/portal/accept-quote';
import type { ActionResult } from '@/lib/actions/result';

type Method = { id: number; name: string; instructions: string };

/** "Accept and place order": a payment method from the offered ones and an optional PO number, as at checkout. */
export function AcceptQuoteForm({ quoteNumber, methods }: { quoteNumber: number; methods: Method[] }) {
  const slug = usePortalSlug();
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const [placed, setPlaced] = useState(false);
  const failure = result && !result.ok ? result : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const answer = await acceptQuoteAction(slug, data);
      setResult(answer);
      if (answer.ok) {
        setPlaced(true);
        router.push(`/p/${slug}/orders/${answer.data.orderNumber}`);
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {failure ? (
        <Alert tone="error" title={failure.error}>
          {failure.fieldErrors?.lines?.length ? (
            <ul className="list-disc pl-5">
              {failure.fieldErrors.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <input type="hidden" name="number" value={quoteNumber} />
      <fieldset aria-describedby={failure?.fieldErrors?.paymentMethodId ? 'quote-payment-method-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Payment method</legend>
        <div className="mt-2 space-y-2">
          {methods.map((m) => (
            <label key={m.id} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 has-[:checked]:border-[var(--brand)]">
              <input type="radio" name="paymentMethodId" value={String(m.id)} defaultChecked={methods.length === 1} className="mt-1" />
              <span>
                <span className="block font-medium">{m.name}</span>
                {m.instructions ? <span className="block text-sm text-slate-600">{m.instructions}</span> : null}
              </span>
            </label>
          ))}
        </div>
        {failure?.fieldErrors?.paymentMethodId?.[0] ? (
          <p id="quote-payment-method-error" role="alert" className="mt-1 text-sm text-red-700">
            {failure.fieldErrors.paymentMethodId[0]}
          </p>
        ) : null}
      </fieldset>
      <Field id="quote-po-number" label="PO number (optional)" error={failure?.fieldErrors?.poNumber?.[0]}>
        <Input id="quote-po-number" name="poNumber" maxLength={100} autoComplete="off" />
      </Field>
      <Button type="submit" disabled={pending || placed} className="w-full">
        {pending || placed ? 'Placing your order…' : 'Accept and place order'}
      </Button>
    </form>
  );
}
