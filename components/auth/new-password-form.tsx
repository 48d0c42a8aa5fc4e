'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/result';
import { PASSWORD_MIN } from '@/lib/validation/accounts';

/** Choose a password on an activation or reset link's page; submitting it is what uses the link. */
export function NewPasswordForm({
  action,
  token,
  email,
  submitLabel,
}: {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const failure = state && !state.ok ? state : null;
  const fieldErrors = failure?.fieldErrors;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {/* A field's own error is shown next to it; the banner is for the rest. */}
      {failure && !fieldErrors?.password && !fieldErrors?.confirm ? <Alert tone="error">{failure.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field id="password" label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={fieldErrors?.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          aria-invalid={Boolean(fieldErrors?.password)}
          aria-describedby={fieldErrors?.password ? 'password-error' : 'password-hint'}
        />
      </Field>
      <Field id="confirm" label="Repeat the password" error={fieldErrors?.confirm}>
        <Input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={Boolean(fieldErrors?.confirm)}
          aria-describedby={fieldErrors?.confirm ? 'confirm-error' : undefined}
        />
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
