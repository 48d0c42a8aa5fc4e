'use client';

import { useState, type ReactNode } from 'react';
import { useForm, type DefaultValues, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';

export type InviteValues = { name: string; email: string };

/**
 * An invitation (a portal account, a staff user): a button that opens a
 * name + email form, validated by the action's zod schema, saved by the
 * action, with the answer shown above it. The action sends the email.
 */
export function InviteForm<V extends InviteValues>({
  openLabel,
  title,
  intro,
  idPrefix,
  resolver,
  defaultValues,
  send,
  children,
}: {
  openLabel: string;
  title: string;
  intro?: ReactNode;
  /** Prefix of the field ids ("account" → account-name, account-email). */
  idPrefix: string;
  resolver: Resolver<V>;
  defaultValues: V;
  send: (values: V) => Promise<ActionResult<unknown>>;
  /** Fields beyond name and email (the role of a staff user). */
  children?: (form: UseFormReturn<V>) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const form = useForm<V>({ resolver, defaultValues: defaultValues as DefaultValues<V> });
  const { register, handleSubmit, formState, setError, reset } = form;
  const errors = formState.errors as Partial<Record<keyof InviteValues, { message?: string }>>;

  const onSubmit = handleSubmit(async (values) => {
    const result = await send(values);
    if (result.ok) {
      setNotice({ tone: 'success', text: result.message ?? 'Invitation sent.' });
      reset();
      setOpen(false);
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    for (const key of Object.keys(defaultValues)) {
      const message = result.fieldErrors?.[key]?.[0];
      if (message) setError(key as Path<V>, { message });
    }
  });

  return (
    <div className="space-y-3">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {open ? (
        <form onSubmit={onSubmit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <h2 className="font-semibold">{title}</h2>
          {intro ? <p className="text-sm text-slate-600">{intro}</p> : null}
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={`${idPrefix}-name`} label="Name" error={errors.name?.message}>
              <Input id={`${idPrefix}-name`} autoComplete="off" aria-invalid={Boolean(errors.name)} {...register('name' as Path<V>)} />
            </Field>
            <Field id={`${idPrefix}-email`} label="Email" error={errors.email?.message}>
              <Input
                id={`${idPrefix}-email`}
                type="email"
                autoComplete="off"
                aria-invalid={Boolean(errors.email)}
                {...register('email' as Path<V>)}
              />
            </Field>
          </div>
          {children?.(form)}
          <div className="flex gap-3">
            <Button type="submit" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? 'Saving…' : 'Save'}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          {openLabel}
        </Button>
      )}
    </div>
  );
}
