'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-form';
import { ProductPicker } from './product-picker';
import { createOrderAction } from '@/lib/actions/orders/create-order';
import type { ActionResult } from '@/lib/actions/result';
import { invalid } from '@/lib/actions/result';
import type { OrderFormOptions } from '@/db/queries/orders/order-form-options';
import type { ProductForOrderLine } from '@/db/queries/orders/find-products-for-order-line';
import { createOrderSchema } from '@/lib/validation/orders';
import { minorToDecimalString } from '@/lib/money';

type Line = { product: ProductForOrderLine; quantity: string; unitPrice: string };

/** Staff take an order: customer, status, channel, payment, PO number, notes and product lines. */
export function NewOrderForm({ options, currency }: { options: OrderFormOptions; currency: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const defaultChannel = options.channels.find((c) => c.name.toLowerCase() === 'phone') ?? options.channels[0];
  const errors = !result || result.ok ? {} : (result.fieldErrors ?? {});

  function addProduct(product: ProductForOrderLine) {
    setLines((current) =>
      current.some((l) => l.product.id === product.id)
        ? current
        : [...current, { product, quantity: '1', unitPrice: product.listPrice === null ? '' : minorToDecimalString(product.listPrice, currency) }],
    );
  }

  function setLine(index: number, patch: Partial<Line>) {
    setLines((current) => current.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      organizationId: form.get('organizationId'),
      statusId: form.get('statusId'),
      channelId: form.get('channelId'),
      paymentMethodId: form.get('paymentMethodId'),
      poNumber: String(form.get('poNumber') ?? ''),
      notes: String(form.get('notes') ?? ''),
      lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPrice: l.unitPrice })),
    };
    const parsed = createOrderSchema.safeParse(input);
    if (!parsed.success) {
      setResult(invalid(parsed.error));
      return;
    }
    startTransition(async () => {
      const answer = await createOrderAction(parsed.data);
      setResult(answer);
      if (answer.ok) router.push(`/admin/orders/${answer.data.number}`);
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <section className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="organizationId" label="Organization" error={errors.organizationId}>
          <Select id="organizationId" name="organizationId" defaultValue="">
            <option value="" disabled>
              Choose an organization
            </option>
            {options.organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="statusId" label="Status" error={errors.statusId}>
          <Select id="statusId" name="statusId" defaultValue={options.statuses[0]?.id}>
            {options.statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="channelId" label="Channel" error={errors.channelId}>
          <Select id="channelId" name="channelId" defaultValue={defaultChannel?.id}>
            {options.channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="paymentMethodId" label="Payment method" error={errors.paymentMethodId}>
          <Select id="paymentMethodId" name="paymentMethodId" defaultValue="">
            <option value="">To be agreed</option>
            {options.paymentMethods.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="poNumber" label="PO number" error={errors.poNumber}>
          <Input id="poNumber" name="poNumber" maxLength={100} />
        </Field>
        <Field id="notes" label="Notes" error={errors.notes}>
          <Textarea id="notes" name="notes" rows={2} maxLength={2000} />
        </Field>
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="lines-heading">
        <h2 id="lines-heading" className="text-lg font-semibold">
          Lines
        </h2>
        {lines.length === 0 ? <p className="text-sm text-slate-600">No products yet. Find one below and press Add.</p> : null}
        <ol className="space-y-3">
          {lines.map((line, i) => (
            <li key={line.product.id}>
              <fieldset className="grid items-end gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_8rem_10rem_auto]">
                <legend className="px-1 text-sm font-medium">
                  <span className="font-mono text-xs text-slate-600">{line.product.sku}</span> {line.product.description}
                </legend>
                <p className="text-sm text-slate-600">{line.product.available} available now</p>
                <Field id={`line-${i}-quantity`} label="Quantity" error={errors[`lines.${i}.quantity`]}>
                  <Input
                    id={`line-${i}-quantity`}
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                  />
                </Field>
                <Field id={`line-${i}-price`} label={`Unit price (${currency})`} error={errors[`lines.${i}.unitPrice`]}>
                  <Input
                    id={`line-${i}-price`}
                    inputMode="decimal"
                    value={line.unitPrice}
                    placeholder="to be quoted"
                    onChange={(e) => setLine(i, { unitPrice: e.target.value })}
                  />
                </Field>
                <Button variant="ghost" onClick={() => setLines((current) => current.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </fieldset>
            </li>
          ))}
        </ol>
        <ProductPicker currency={currency} onPick={addProduct} />
      </section>

      <ActionMessage result={result && !result.ok ? result : null} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating order…' : 'Create order'}
      </Button>
    </form>
  );
}
