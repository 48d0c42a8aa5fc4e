'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createProductAction } from '@/lib/actions/products/create-product';
import { updateProductAction } from '@/lib/actions/products/update-product';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { productFormSchema, type productFieldsSchema } from '@/lib/validation/products';

type Values = z.input<typeof productFieldsSchema>;

const fields: { name: keyof Values; label: string; hint?: string }[] = [
  { name: 'sku', label: 'SKU', hint: 'Unique among your products; no spaces.' },
  { name: 'manufacturer', label: 'Manufacturer' },
  { name: 'model', label: 'Model' },
  { name: 'capacity', label: 'Capacity', hint: 'e.g. 128GB' },
  { name: 'color', label: 'Color' },
  { name: 'network', label: 'Network', hint: 'Carrier lock, e.g. Unlocked or AT&T' },
  { name: 'grade', label: 'Grade', hint: 'e.g. A+, A, B, C' },
];

/** Create or edit a product. The same zod fields check the form here and the action on the server. */
export function ProductForm({ productId, currency, defaults }: { productId?: number; currency: string; defaults: Values }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(productFormSchema(currency)), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = productId ? await updateProductAction({ ...values, id: productId }) : await createProductAction(values);
    if (!result.ok) {
      for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0] && name in defaults) form.setError(name as keyof Values, { message: messages[0] });
      }
      setAnswer({ ok: false, text: result.error });
      return;
    }
    setAnswer({ ok: true, text: result.message ?? 'Saved.' });
    if (!productId) router.push(`/admin/products/${result.data.id}?created=1`);
    else router.refresh();
  });

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {answer ? <Alert tone={answer.ok ? 'success' : 'error'}>{answer.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {fields.map((f) => (
          <Field key={f.name} id={f.name} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
            <Input id={f.name} defaultValue={defaults[f.name]} {...form.register(f.name)} aria-invalid={Boolean(errors[f.name])} aria-describedby={f.hint ? `${f.name}-hint` : undefined} />
          </Field>
        ))}
        <Field id="listPrice" label={`List price (${currency})`} hint='Leave empty for "price on request".' error={errors.listPrice?.message}>
          <Input id="listPrice" inputMode="decimal" defaultValue={defaults.listPrice} {...form.register('listPrice')} aria-invalid={Boolean(errors.listPrice)} aria-describedby="listPrice-hint" />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : productId ? 'Save product' : 'Create product'}
      </Button>
    </form>
  );
}
