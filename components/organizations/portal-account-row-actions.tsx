'use client';

import type { AccountStatus } from '@/db/schema';
import { resendPortalInviteAction } from '@/lib/actions/organizations/resend-portal-invite';
import { setPortalAccountEnabledAction } from '@/lib/actions/organizations/set-portal-account-enabled';
import { AccountRowActions, disableConfirmation, type RowAction } from './account-row-actions';

export function PortalAccountRowActions({
  portalAccountId,
  organizationId,
  status,
  name,
}: {
  portalAccountId: number;
  organizationId: number;
  status: AccountStatus;
  name: string;
}) {
  const ref = { portalAccountId, organizationId };
  const actions: RowAction[] = [];
  if (status === 'invited') actions.push({ label: 'Resend invite', run: () => resendPortalInviteAction(ref) });
  actions.push(
    status === 'disabled'
      ? { label: 'Enable', run: () => setPortalAccountEnabledAction({ ...ref, enabled: true }) }
      : {
          label: 'Disable',
          run: () => setPortalAccountEnabledAction({ ...ref, enabled: false }),
          confirm: disableConfirmation(name),
        },
  );
  return <AccountRowActions actions={actions} name={name} />;
}
