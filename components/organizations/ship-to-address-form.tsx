'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox, Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import { staffShipToAddressForm, shipToAddressForm, type StaffShipToAddressInput } from '@/lib/validation/ship-to-address';

type Saved = ActionResult<{ addressId: number }>;

/**
 * One shipping address: label, attention, street, city, region, postal code,
 * country, phone, and for staff "Make this the default". The schema that
 * checks it here is the one the server action parses.
 */
export function ShipToAddressForm({
  idPrefix,
  defaultValues,
  offerDefault,
  submitLabel,
  save,
  onSaved,
  onCancel,
}: {
  idPrefix: string;
  defaultValues: StaffShipToAddressInput;
  /** Staff may make it the default (hidden for the buyer, and for the address that already is). */
  offerDefault: boolean;
  submitLabel: string;
  save: (values: StaffShipToAddressInput) => Promise<Saved>;
  onSaved?: (result: Extract<Saved, { ok: true }>) => void;
  onCancel?: () => void;
}) {
  const form = useForm<StaffShipToAddressInput>({
    resolver: zodResolver(offerDefault ? staffShipToAddressForm : shipToAddressForm, undefined, { raw: true }) as never,
    defaultValues,
  });
  const { register, formState, setError } = form;
  const errors = formState.errors;
  const [answer, setAnswer] = useState<Saved | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setAnswer(null);
    const result = await save(values);
    setAnswer(result);
    if (!result.ok) {
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) setError(path as FieldPath<StaffShipToAddressInput>, { message: messages[0] });
      }
      return;
    }
    onSaved?.(result);
  });

  const field = (name: Exclude<keyof StaffShipToAddressInput, 'isDefault'>, label: string, autoComplete: string, type = 'text') => {
    const id = `${idPrefix}-${name}`;
    return (
      <Field id={id} label={label} error={errors[name]?.message}>
        <Input id={id} type={type} autoComplete={autoComplete} aria-invalid={Boolean(errors[name])} {...register(name)} />
      </Field>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {answer && !answer.ok ? <Alert tone="error">{answer.error}</Alert> : null}
      {answer?.ok && answer.message ? <Alert tone="success">{answer.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {field('label', 'Label (e.g. Main warehouse)', 'off')}
        {field('attention', 'Attention (optional)', 'shipping name')}
      </div>
      {field('line1', 'Street address', 'shipping address-line1')}
      {field('line2', 'Address line 2 (optional)', 'shipping address-line2')}
      <div className="grid gap-3 sm:grid-cols-2">
        {field('city', 'City', 'shipping address-level2')}
        {field('region', 'State or region (optional)', 'shipping address-level1')}
        {field('postalCode', 'Postal code (optional)', 'shipping postal-code')}
        {field('country', 'Country', 'shipping country-name')}
      </div>
      {field('phone', 'Phone (optional)', 'shipping tel', 'tel')}
      {offerDefault ? <Checkbox id={`${idPrefix}-isDefault`} label="Make this the default shipping address" {...register('isDefault')} /> : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
