'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import { SUPPORTED_LOCALES } from '@/lib/format/locales';
import { companyProfileFormSchema, type CompanyProfileInput } from '@/lib/validation/company-profile';

type Values = { [K in keyof CompanyProfileInput]-?: string };

/** Settings > Company: what invoices, PDFs and emails print, and how dates, money and numbers read. */
export function CompanyProfileForm({
  action,
  defaultValues,
  timeZones,
}: {
  action: (input: Values) => Promise<ActionResult<unknown>>;
  defaultValues: Values;
  timeZones: string[];
}) {
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(companyProfileFormSchema, undefined, { raw: true }) as never,
    defaultValues,
  });
  const [answer, setAnswer] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setAnswer(null);
    const result = await action(values);
    if (result.ok) return setAnswer({ tone: 'success', text: result.message ?? 'Company profile saved.' });
    setAnswer({ tone: 'error', text: result.error });
    for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (messages?.[0]) setError(path as FieldPath<Values>, { message: messages[0] });
    }
  });

  const invalid = (name: keyof Values) => ({ 'aria-invalid': Boolean(errors[name]), 'aria-describedby': errors[name] ? `${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="company-identity">
        <h2 id="company-identity" className="text-lg font-semibold">
          On invoices and emails
        </h2>
        <Field id="legalName" label="Legal name" hint="As registered, e.g. Acme Wireless GmbH. Invoices print it beside your display name." error={errors.legalName?.message}>
          <Input id="legalName" autoComplete="organization" {...invalid('legalName')} {...register('legalName')} />
        </Field>
        <Field id="address" label="Address" hint="One line per line, as it should print." error={errors.address?.message}>
          <Textarea id="address" rows={4} autoComplete="street-address" {...invalid('address')} {...register('address')} />
        </Field>
        <Field id="taxId" label="Tax or VAT number" error={errors.taxId?.message}>
          <Input id="taxId" className="max-w-sm" {...invalid('taxId')} {...register('taxId')} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="contactEmail" label="Contact email" hint="Buyers' replies to every email go here." error={errors.contactEmail?.message}>
            <Input id="contactEmail" type="email" autoComplete="email" {...invalid('contactEmail')} {...register('contactEmail')} />
          </Field>
          <Field id="contactPhone" label="Contact phone" error={errors.contactPhone?.message}>
            <Input id="contactPhone" type="tel" autoComplete="tel" {...invalid('contactPhone')} {...register('contactPhone')} />
          </Field>
        </div>
      </section>

      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="company-formats">
        <h2 id="company-formats" className="text-lg font-semibold">
          Dates, money and numbers
        </h2>
        <p className="text-sm text-slate-600">Every page, CSV, PDF and email of your back office and Customer Portal follows these.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="locale" label="Locale" error={errors.locale?.message}>
            <Select id="locale" {...invalid('locale')} {...register('locale')}>
              {SUPPORTED_LOCALES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label} ({l.code})
                </option>
              ))}
            </Select>
          </Field>
          <Field id="timeZone" label="Time zone" error={errors.timeZone?.message}>
            <Select id="timeZone" {...invalid('timeZone')} {...register('timeZone')}>
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save company profile'}
        </Button>
        <div aria-live="polite" className="min-w-0 flex-1">
          {answer ? <Alert tone={answer.tone}>{answer.text}</Alert> : null}
        </div>
      </div>
    </form>
  );
}
