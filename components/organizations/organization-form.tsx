'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type FieldPath, type UseFormRegister, type FieldErrors } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button, LinkButton } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { createOrganizationAction } from '@/lib/actions/organizations/create-organization';
import { updateOrganizationAction } from '@/lib/actions/organizations/update-organization';
import {
  ACCOUNT_CODE_HINT,
  emptyAddress,
  newOrganizationForm,
  organizationForm,
  type NewOrganizationFormInput,
  type OrganizationFormInput,
} from '@/lib/validation/organization';

type AddressKey = 'billingAddress' | 'shippingAddress';

function AddressFields({
  prefix,
  legend,
  register,
  errors,
  action,
}: {
  prefix: AddressKey;
  legend: string;
  register: UseFormRegister<NewOrganizationFormInput>;
  errors: FieldErrors<NewOrganizationFormInput>;
  action?: React.ReactNode;
}) {
  const e = errors[prefix];
  const field = (name: keyof NewOrganizationFormInput[AddressKey], label: string, autoComplete: string, className = '') => {
    const id = `${prefix}-${name}`;
    return (
      <div className={className}>
        <Field id={id} label={label} error={e?.[name]?.message}>
          <Input id={id} autoComplete={`${prefix === 'billingAddress' ? 'billing' : 'shipping'} ${autoComplete}`} aria-invalid={Boolean(e?.[name])} {...register(`${prefix}.${name}`)} />
        </Field>
      </div>
    );
  };
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {action}
      {field('line1', 'Street address', 'address-line1')}
      {field('line2', 'Address line 2 (optional)', 'address-line2')}
      <div className="grid gap-3 sm:grid-cols-2">
        {field('city', 'City', 'address-level2')}
        {field('region', 'State or region (optional)', 'address-level1')}
        {field('postalCode', 'Postal code (optional)', 'postal-code')}
        {field('country', 'Country', 'country-name')}
      </div>
    </fieldset>
  );
}

/**
 * Create or edit an organization: name, email, phone and billing address.
 * A new organization may also get its first shipping address (its default);
 * after that, shipping addresses are managed on Info & addresses.
 */
export function OrganizationForm({
  organizationId,
  defaultValues,
  cancelHref,
}: {
  organizationId?: number;
  defaultValues: OrganizationFormInput & Partial<Pick<NewOrganizationFormInput, 'shippingAddress'>>;
  cancelHref: string;
}) {
  const creating = !organizationId;
  const form = useForm<NewOrganizationFormInput>({
    resolver: zodResolver(creating ? newOrganizationForm : organizationForm) as never,
    defaultValues: { shippingAddress: emptyAddress, ...defaultValues },
  });
  const { register, formState, handleSubmit, setError, getValues, setValue } = form;
  const [error, setFormError] = useState<string | null>(null);

  const onSubmit = handleSubmit(async () => {
    setFormError(null);
    // The server parses the raw values with the same schema.
    const { shippingAddress, ...raw } = getValues();
    const result = organizationId
      ? await updateOrganizationAction({ ...raw, organizationId })
      : await createOrganizationAction({ ...raw, shippingAddress });
    if (result && !result.ok) {
      setFormError(result.error);
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) setError(path as FieldPath<NewOrganizationFormInput>, { message: messages[0] });
      }
    }
  });

  const copyBilling = () => {
    const billing = getValues('billingAddress');
    setValue('shippingAddress', { ...billing }, { shouldDirty: true });
  };
  const errors = formState.errors;

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-6" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <Field id="name" label="Name" error={errors.name?.message}>
          <Input id="name" autoComplete="organization" aria-invalid={Boolean(errors.name)} {...register('name')} />
        </Field>
        <Field id="code" label="Account code (optional)" hint={`${ACCOUNT_CODE_HINT} Imports find the organization by it.`} error={errors.code?.message}>
          <Input id="code" className="max-w-xs font-mono" aria-invalid={Boolean(errors.code)} aria-describedby="code-hint" {...register('code')} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field id="email" label="Email (optional)" error={errors.email?.message}>
            <Input id="email" type="email" autoComplete="email" aria-invalid={Boolean(errors.email)} {...register('email')} />
          </Field>
          <Field id="phone" label="Phone (optional)" error={errors.phone?.message}>
            <Input id="phone" type="tel" autoComplete="tel" aria-invalid={Boolean(errors.phone)} {...register('phone')} />
          </Field>
        </div>
      </div>
      <AddressFields prefix="billingAddress" legend="Billing address" register={register} errors={errors} />
      {creating ? (
        <AddressFields
          prefix="shippingAddress"
          legend="Shipping address (optional, becomes the default)"
          register={register}
          errors={errors}
          action={
            <Button variant="secondary" size="sm" onClick={copyBilling}>
              Same as billing address
            </Button>
          }
        />
      ) : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? 'Saving…' : 'Save'}
        </Button>
        <LinkButton href={cancelHref}>Cancel</LinkButton>
      </div>
    </form>
  );
}
