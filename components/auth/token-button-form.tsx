'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions/result';

/**
 * A one-button form that posts a link's token: "Sign in" on a sign-in link's
 * page, "Send me a fresh link" on an expired one.
 */
export function TokenButtonForm({
  action,
  token,
  purpose,
  label,
  pendingLabel,
  variant = 'primary',
}: {
  action: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  token: string;
  purpose?: string;
  label: string;
  pendingLabel: string;
  variant?: 'primary' | 'secondary';
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} className="space-y-4">
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {purpose ? <input type="hidden" name="purpose" value={purpose} /> : null}
      <Button type="submit" variant={variant} disabled={pending} className="w-full">
        {pending ? pendingLabel : label}
      </Button>
    </form>
  );
}
