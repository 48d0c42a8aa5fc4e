'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Textarea } from '@/components/ui/field';
import { cartSummaryKey, usePortalSlug } from '@/components/cart/cart-provider';
import { placeOrderAction } from '@/lib/actions/portal/place-order';
import { checkoutSchema, type CheckoutInput } from '@/lib/validation/checkout';
import type { ShipTo } from '@/db/schema';
import { ShipToLines } from '@/components/organizations/postal-address';
import { AddShipToAddress } from './add-ship-to-address';

type Method = { id: number; name: string; instructions: string };
/** One of the organization's shipping addresses, as checkout offers it. */
export type ShipToChoice = { id: number; isDefault: boolean; shipTo: ShipTo };

/**
 * Ship-to address (the default preselected), payment method, PO number and notes. The idempotency key made with the page
 * travels with every submission, so a double click or a retry finds the
 * order the first one placed.
 */
export function CheckoutForm({
  methods,
  idempotencyKey,
  addresses,
  buyersMayAddAddresses,
  sellerName,
}: {
  methods: Method[];
  idempotencyKey: string;
  addresses: ShipToChoice[];
  buyersMayAddAddresses: boolean;
  sellerName: string;
}) {
  const slug = usePortalSlug();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<{ error: string; lines?: string[] } | null>(null);
  const [placed, setPlaced] = useState(false);
  const form = useForm<CheckoutInput, unknown, CheckoutInput>({
    resolver: zodResolver(checkoutSchema, undefined, { raw: true }),
    defaultValues: {
      paymentMethodId: methods.length === 1 ? String(methods[0]!.id) : undefined,
      shipToAddressId: String((addresses.find((a) => a.isDefault) ?? addresses[0])?.id ?? ''),
      poNumber: '',
      notes: '',
      idempotencyKey,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setRefusal(null);
    const result = await placeOrderAction(slug, values);
    if (result.ok) {
      setPlaced(true);
      queryClient.setQueryData(cartSummaryKey(slug), result.data.summary);
      router.push(`/p/${slug}/checkout/confirmation/${result.data.number}`);
      return;
    }
    for (const field of ['shipToAddressId', 'paymentMethodId', 'poNumber', 'notes'] as const) {
      const message = result.fieldErrors?.[field]?.[0];
      if (message) form.setError(field, { message });
    }
    setRefusal({ error: result.error, lines: result.fieldErrors?.lines });
  });

  return (
    <div className="space-y-5">
      {/* The address list sits outside the order form, so "Add a shipping address" can be a form of its own. */}
      <fieldset form="checkout-form" aria-describedby={errors.shipToAddressId ? 'ship-to-error' : undefined}>
        <legend className="text-sm font-medium text-slate-800">Ship to</legend>
        <div className="mt-2 space-y-2">
          {addresses.length === 0 ? (
            <p className="text-sm text-slate-600">No shipping address on file: {sellerName} confirms the delivery address with you.</p>
          ) : (
            addresses.map((a) => (
              <label key={a.id} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-[var(--brand)]">
                <input type="radio" form="checkout-form" value={String(a.id)} {...form.register('shipToAddressId')} className="mt-1" />
                <span>
                  <ShipToLines shipTo={a.shipTo} />
                  {a.isDefault ? <span className="text-xs text-slate-500">Default</span> : null}
                </span>
              </label>
            ))
          )}
        </div>
        {errors.shipToAddressId?.message ? (
          <p id="ship-to-error" role="alert" className="mt-1 text-sm text-red-700">
            {errors.shipToAddressId.message}
          </p>
        ) : null}
      </fieldset>
      {buyersMayAddAddresses ? <AddShipToAddress onAdded={(id) => form.setValue('shipToAddressId', String(id))} /> : null}
      <form id="checkout-form" onSubmit={submit} noValidate className="space-y-5">
        {refusal ? (
          <Alert tone="error" title={refusal.error}>
            {refusal.lines?.length ? (
              <>
                <ul className="list-disc pl-5">
                  {refusal.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <p className="mt-2">
                  <Link href={`/p/${slug}/cart`} className="font-medium underline">
                    Adjust your cart
                  </Link>
                </p>
              </>
            ) : null}
          </Alert>
        ) : null}
        <input type="hidden" {...form.register('idempotencyKey')} />
        <fieldset aria-describedby={errors.paymentMethodId ? 'payment-method-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Payment method</legend>
          <div className="mt-2 space-y-2">
            {methods.map((m) => (
              <label key={m.id} className="flex cursor-pointer gap-3 rounded-md border border-slate-200 bg-white p-3 has-[:checked]:border-[var(--brand)]">
                <input type="radio" value={String(m.id)} {...form.register('paymentMethodId')} className="mt-1" />
                <span>
                  <span className="block font-medium">{m.name}</span>
                  {m.instructions ? <span className="block text-sm text-slate-600">{m.instructions}</span> : null}
                </span>
              </label>
            ))}
          </div>
          {errors.paymentMethodId?.message ? (
            <p id="payment-method-error" role="alert" className="mt-1 text-sm text-red-700">
              {errors.paymentMethodId.message}
            </p>
          ) : null}
        </fieldset>
        <Field id="poNumber" label="PO number (optional)" error={errors.poNumber?.message}>
          <Input id="poNumber" maxLength={100} autoComplete="off" aria-invalid={errors.poNumber ? true : undefined} {...form.register('poNumber')} />
        </Field>
        <Field id="notes" label="Notes (optional)" hint="Delivery instructions or anything we should know." error={errors.notes?.message}>
          <Textarea id="notes" rows={3} maxLength={2000} aria-invalid={errors.notes ? true : undefined} {...form.register('notes')} />
        </Field>
        <Button type="submit" disabled={isSubmitting || placed} className="w-full">
          {isSubmitting || placed ? 'Placing your order…' : 'Place order'}
        </Button>
      </form>
    </div>
  );
}
