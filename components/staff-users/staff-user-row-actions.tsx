'use client';

import { useState, useTransition } from 'react';
import { AccountRowActions, type RowAction } from '@/components/organizations/account-row-actions';
import { Select } from '@/components/ui/field';
import type { AccountStatus, StaffRole } from '@/db/schema';
import { changeStaffRoleAction } from '@/lib/actions/staff-users/change-staff-role';
import { resendStaffInviteAction } from '@/lib/actions/staff-users/resend-staff-invite';
import { setStaffUserEnabledAction } from '@/lib/actions/staff-users/set-staff-user-enabled';

/** Resend invite, Disable/Enable of one staff user. */
export function StaffUserRowActions({ staffUserId, status, name }: { staffUserId: number; status: AccountStatus; name: string }) {
  const actions: RowAction[] = [];
  if (status === 'invited') actions.push({ label: 'Resend invite', run: () => resendStaffInviteAction({ staffUserId }) });
  actions.push(
    status === 'disabled'
      ? { label: 'Enable', run: () => setStaffUserEnabledAction({ staffUserId, enabled: true }) }
      : { label: 'Disable', run: () => setStaffUserEnabledAction({ staffUserId, enabled: false }) },
  );
  return <AccountRowActions actions={actions} name={name} />;
}

/** The role of a staff user, changeable by owners. */
export function StaffRoleSelect({ staffUserId, role, name }: { staffUserId: number; role: StaffRole; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <label htmlFor={`role-${staffUserId}`} className="sr-only">
        Role of {name}
      </label>
      <Select
        id={`role-${staffUserId}`}
        defaultValue={role}
        disabled={pending}
        className="w-auto"
        onChange={(event) => {
          const next = event.target.value as StaffRole;
          startTransition(async () => {
            const result = await changeStaffRoleAction({ staffUserId, role: next });
            setError(result.ok ? null : result.error);
          });
        }}
      >
        <option value="owner">Owner</option>
        <option value="admin">Admin</option>
        <option value="staff">Staff</option>
      </Select>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
