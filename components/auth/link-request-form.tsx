'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { LinkFormState } from '@/lib/auth/link-actions';

/** Asks for an email address to send a one-time link to ("Email me a sign-in link", "Forgot password"). */
export function LinkRequestForm({
  action,
  submitLabel,
}: {
  action: (state: LinkFormState, form: FormData) => Promise<LinkFormState>;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) return <Alert tone="success">{state.done}</Alert>;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field id="email" label="Email">
        <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : submitLabel}
      </Button>
    </form>
  );
}
