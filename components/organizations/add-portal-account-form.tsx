'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { InviteForm, type InviteValues } from '@/components/back-office/invite-form';
import { invitePortalAccountAction } from '@/lib/actions/organizations/invite-portal-account';
import { inviteCustomer } from '@/lib/validation/accounts';

const fields = inviteCustomer.pick({ name: true, email: true });

/** "Add a Customer Portal Account" > name, email > Save: creates the account and emails the invitation. */
export function AddPortalAccountForm({ organizationId }: { organizationId: number }) {
  return (
    <InviteForm<InviteValues>
      openLabel="Add a Customer Portal Account"
      title="Add a Customer Portal Account"
      intro="We email them a link to choose a password. The link works once and expires in 7 days."
      idPrefix="account"
      resolver={zodResolver(fields)}
      defaultValues={{ name: '', email: '' }}
      send={(values) => invitePortalAccountAction({ organizationId, ...values })}
    />
  );
}
