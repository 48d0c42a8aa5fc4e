'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { invitePortalAccountAction } from '@/lib/actions/organizations/invite-portal-account';
import { inviteCustomer } from '@/lib/validation/accounts';

const fields = inviteCustomer.pick({ name: true, email: true });
type Fields = { name: string; email: string };

/** "Add a Customer Portal Account" > name, email > Save: creates the account and emails the invitation. */
export function AddPortalAccountForm({ organizationId }: { organizationId: number }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Fields>({
    resolver: zodResolver(fields),
    defaultValues: { name: '', email: '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    const result = await invitePortalAccountAction({ organizationId, ...values });
    if (result.ok) {
      setNotice({ tone: 'success', text: result.message ?? 'Invitation sent.' });
      reset();
      setOpen(false);
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    for (const key of ['name', 'email'] as const) {
      const message = result.fieldErrors?.[key]?.[0];
      if (message) setError(key, { message });
    }
  });

  return (
    <div className="space-y-3">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {open ? (
        <form onSubmit={onSubmit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <h2 className="font-semibold">Add a Customer Portal Account</h2>
          <p className="text-sm text-slate-600">We email them a link to choose a password. The link works once and expires in 7 days.</p>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="account-name" label="Name" error={formState.errors.name?.message}>
              <Input id="account-name" autoComplete="off" aria-invalid={Boolean(formState.errors.name)} {...register('name')} />
            </Field>
            <Field id="account-email" label="Email" error={formState.errors.email?.message}>
              <Input id="account-email" type="email" autoComplete="off" aria-invalid={Boolean(formState.errors.email)} {...register('email')} />
            </Field>
          </div>
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
          Add a Customer Portal Account
        </Button>
      )}
    </div>
  );
}
