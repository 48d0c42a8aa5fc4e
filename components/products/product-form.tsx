'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { createProductAction } from '@/lib/actions/products/create-product';
import { updateProductAction } from '@/lib/actions/products/update-product';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, Input } from '@/components/ui/field';
import type { ProductAttributeValues } from '@/db/queries/products/attribute-values';
import {
  listedAttributeKeys,
  listedAttributeNames,
  productFormSchema,
  type ListedAttributeKey,
  type productFieldsSchema,
} from '@/lib/validation/products';

type Values = Omit<z.input<typeof productFieldsSchema>, 'newValues'>;
type FieldName = Exclude<keyof Values, 'listPrice' | 'minOrderQuantity' | 'orderIncrement'>;

const fields: { name: FieldName; label: string; hint?: string }[] = [
  { name: 'sku', label: 'SKU', hint: 'Unique among your products; no spaces.' },
  { name: 'manufacturer', label: 'Manufacturer' },
  { name: 'model', label: 'Model' },
  { name: 'capacity', label: 'Capacity', hint: 'Choose one you use, e.g. 128GB.' },
  { name: 'color', label: 'Color', hint: 'Choose one you use.' },
  { name: 'network', label: 'Network', hint: 'Carrier lock you use, e.g. Unlocked or AT&T.' },
  { name: 'grade', label: 'Grade', hint: 'Choose one you use, e.g. A+, A, B, C.' },
];

/**
 * Create or edit a product. The same zod fields check the form here and the
 * action on the server. Capacity, color, network and grade offer the values
 * the seller already uses; a value none of their products has is created only
 * after "Create new grade 'A plus'?", which the server checks again.
 */
export function ProductForm({
  productId,
  currency,
  defaults,
  known,
  initialMessage,
}: {
  productId?: number;
  currency: string;
  defaults: Values;
  /** The seller's existing values of each attribute (the filters buyers see). */
  known: Pick<ProductAttributeValues, ListedAttributeKey | 'manufacturer' | 'model'>;
  /** A success note carried over from the page before (e.g. "Product … created."); cleared on the next save. */
  initialMessage?: string;
}) {
  const router = useRouter();
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(initialMessage ? { ok: true, text: initialMessage } : null);
  const [asking, setAsking] = useState<{ key: ListedAttributeKey; value: string }[] | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(productFormSchema(currency)), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;

  const save = async (values: Values, newValues: ListedAttributeKey[]) => {
    const input = { ...values, newValues };
    const result = productId ? await updateProductAction({ ...input, id: productId }) : await createProductAction(input);
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
  };

  /** Values typed that none of the seller's products has yet (the server checks the same). */
  const newValuesOf = (values: Values) =>
    listedAttributeKeys
      .map((key) => ({ key, value: String(values[key] ?? '').trim() }))
      .filter((a) => a.value !== '' && !known[a.key].includes(a.value));

  const submit = form.handleSubmit(async (values) => {
    const fresh = newValuesOf(values);
    if (fresh.length) {
      setAsking(fresh);
      return;
    }
    await save(values, []);
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // A new attempt: the answer of the last one (a green "saved") must not stand above new errors.
    setAnswer(null);
    void submit(event);
  };

  const askTitle = asking
    ? asking.length === 1
      ? `Create new ${listedAttributeNames[asking[0]!.key]} "${asking[0]!.value}"?`
      : `Create ${asking.length} new values?`
    : '';

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {answer ? <Alert tone={answer.ok ? 'success' : 'error'}>{answer.text}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {fields.map((f) => {
          const options = f.name === 'sku' ? null : known[f.name];
          return (
            <Field key={f.name} id={f.name} label={f.label} hint={f.hint} error={errors[f.name]?.message}>
              <Input
                id={f.name}
                defaultValue={defaults[f.name]}
                {...form.register(f.name)}
                list={options?.length ? `${f.name}-values` : undefined}
                autoComplete="off"
                aria-invalid={Boolean(errors[f.name])}
                aria-describedby={f.hint ? `${f.name}-hint` : undefined}
              />
              {options?.length ? (
                <datalist id={`${f.name}-values`}>
                  {options.map((v) => (
                    <option key={v} value={v} />
                  ))}
                </datalist>
              ) : null}
            </Field>
          );
        })}
        <Field id="listPrice" label={`List price (${currency})`} hint='Leave empty for "price on request".' error={errors.listPrice?.message}>
          <Input id="listPrice" inputMode="decimal" defaultValue={defaults.listPrice} {...form.register('listPrice')} aria-invalid={Boolean(errors.listPrice)} aria-describedby="listPrice-hint" />
        </Field>
        <Field id="minOrderQuantity" label="Minimum order quantity" hint="The fewest a buyer may order per line; 1 for none." error={errors.minOrderQuantity?.message}>
          <Input id="minOrderQuantity" type="number" min={1} step={1} inputMode="numeric" {...form.register('minOrderQuantity')} aria-invalid={Boolean(errors.minOrderQuantity)} aria-describedby="minOrderQuantity-hint" />
        </Field>
        <Field id="orderIncrement" label="Sold in packs of" hint="A line's quantity must be a multiple of it; 1 for any quantity." error={errors.orderIncrement?.message}>
          <Input id="orderIncrement" type="number" min={1} step={1} inputMode="numeric" {...form.register('orderIncrement')} aria-invalid={Boolean(errors.orderIncrement)} aria-describedby="orderIncrement-hint" />
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? 'Saving…' : productId ? 'Save product' : 'Create product'}
      </Button>
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => {
          if (!open) setAsking(null);
        }}
        tone="primary"
        title={askTitle}
        description={
          <>
            <p>None of your products has {asking && asking.length > 1 ? 'these values' : 'this value'} yet, so buyers would see a new choice in the For Sale filters:</p>
            <ul className="mt-2 list-disc pl-5">
              {(asking ?? []).map((a) => (
                <li key={a.key}>
                  {listedAttributeNames[a.key]} “{a.value}”{similarTo(known[a.key], a.value)}
                </li>
              ))}
            </ul>
          </>
        }
        confirmLabel={asking && asking.length > 1 ? 'Create the new values' : `Create new ${asking ? listedAttributeNames[asking[0]!.key] : 'value'}`}
        cancelLabel="Go back and choose"
        onConfirm={() => {
          const confirmed = (asking ?? []).map((a) => a.key);
          setAsking(null);
          void form.handleSubmit((values) => save(values, confirmed))();
        }}
      />
    </form>
  );
}

/** " (you use "A+")" when the typed value differs from an existing one only by case or spaces. */
function similarTo(values: string[], typed: string): string {
  const norm = (v: string) => v.replace(/\s+/g, '').toLowerCase();
  const match = values.find((v) => norm(v) === norm(typed));
  return match ? ` (you already use “${match}”)` : '';
}
