'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { InviteForm } from '@/components/back-office/invite-form';
import { Field, Select } from '@/components/ui/field';
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
  return (
    <InviteForm<InviteStaffInput>
      openLabel="Invite a staff user"
      title="Invite a staff user"
      idPrefix="staff"
      resolver={zodResolver(inviteStaff)}
      defaultValues={{ name: '', email: '', role: 'staff' }}
      send={(values) => inviteStaffUserAction(values)}
    >
      {({ register, formState }) =>
        canSetRole ? (
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
        )
      }
    </InviteForm>
  );
}
