'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import type { StaffRole } from '@/db/schema';
import { inviteStaffUserAction } from '@/lib/actions/staff-users/invite-staff-user';
import { inviteStaff, type InviteStaffInput } from '@/lib/validation/accounts';

export const roleLabels: Record<StaffRole, string> = {
  owner: 'Owner: everything, including staff roles',
  admin: 'Admin: settings and staff users',
  staff: 'Staff: daily work, no settings',
};

/** Settings > Staff users > Invite a staff user. Owners choose the role; admins invite staff. */
export function InviteStaffForm({ canSetRole }: { canSetRole: boolean }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<InviteStaffInput>({
    resolver: zodResolver(inviteStaff),
    defaultValues: { name: '', email: '', role: 'staff' },
  });
  const onSubmit = handleSubmit(async (values) => {
    const result = await inviteStaffUserAction(values);
    if (result.ok) {
      setNotice({ tone: 'success', text: result.message ?? 'Invitation sent.' });
      reset();
      setOpen(false);
      return;
    }
    setNotice({ tone: 'error', text: result.error });
    for (const key of ['name', 'email', 'role'] as const) {
      const message = result.fieldErrors?.[key]?.[0];
      if (message) setError(key, { message });
    }
  });
  return (
    <div className="space-y-3">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {open ? (
        <form onSubmit={onSubmit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
          <h2 className="font-semibold">Invite a staff user</h2>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="staff-name" label="Name" error={formState.errors.name?.message}>
              <Input id="staff-name" autoComplete="off" {...register('name')} />
            </Field>
            <Field id="staff-email" label="Email" error={formState.errors.email?.message}>
              <Input id="staff-email" type="email" autoComplete="off" {...register('email')} />
            </Field>
          </div>
          {canSetRole ? (
            <Field id="staff-role" label="Role" error={formState.errors.role?.message}>
              <Select id="staff-role" {...register('role')}>
                {(['staff', 'admin', 'owner'] as const).map((role) => (
                  <option key={role} value={role}>
                    {roleLabels[role]}
                  </option>
                ))}
              </Select>
            </Field>
          ) : (
            <p className="text-sm text-slate-600">New users get the Staff role; an owner can change it.</p>
          )}
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
          Invite a staff user
        </Button>
      )}
    </div>
  );
}
