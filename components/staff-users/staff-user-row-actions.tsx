'use client';

import { AccountRowActions, disableConfirmation, type RowAction } from '@/components/organizations/account-row-actions';
import type { AccountStatus } from '@/db/schema';
import { resendStaffInviteAction } from '@/lib/actions/staff-users/resend-staff-invite';
import { setStaffUserEnabledAction } from '@/lib/actions/staff-users/set-staff-user-enabled';

/** Resend invite, Disable/Enable of one staff user. */
export function StaffUserRowActions({ staffUserId, status, name }: { staffUserId: number; status: AccountStatus; name: string }) {
  const actions: RowAction[] = [];
  if (status === 'invited') actions.push({ label: 'Resend invite', run: () => resendStaffInviteAction({ staffUserId }) });
  actions.push(
    status === 'disabled'
      ? { label: 'Enable', run: () => setStaffUserEnabledAction({ staffUserId, enabled: true }) }
      : { label: 'Disable', run: () => setStaffUserEnabledAction({ staffUserId, enabled: false }), confirm: disableConfirmation(name) },
  );
  return <AccountRowActions actions={actions} name={name} />;
}
