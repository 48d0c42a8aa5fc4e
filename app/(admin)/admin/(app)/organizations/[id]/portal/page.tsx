import type { Metadata } from 'next';
import { AccountStatusBadge } from '@/components/organizations/account-status-badge';
import { AddPortalAccountForm } from '@/components/organizations/add-portal-account-form';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { PortalAccountRowActions } from '@/components/organizations/portal-account-row-actions';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listPortalAccounts } from '@/db/queries/portal-accounts';
import { requireOrganization } from '@/lib/organization-page';
import { CopyButton } from '@/components/settings/copy-button';
import { portalUrl } from '@/lib/public-url';

export const metadata: Metadata = { title: 'Customer Portal accounts' };

/** Customer Portal tab: the organization's portal accounts, invitations, and disabling. */
export default async function OrganizationPortalPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, organization } = await requireOrganization((await params).id);
  const accounts = await listPortalAccounts(await getDb(), { sellerId: staff.sellerId, organizationId: organization.id });
  return (
    <section aria-labelledby="portal-heading" className="space-y-4">
      <h2 id="portal-heading" className="text-lg font-semibold">Customer Portal accounts</h2>
      <p className="text-sm text-slate-600">
        Buyers at {organization.name} sign in at <code>{portalUrl({ slug: staff.sellerSlug })}</code> <CopyButton text={portalUrl({ slug: staff.sellerSlug })} label="Copy" what="portal URL" />. Disabling an account signs it out at once.
      </p>
      <Table caption={`Customer Portal accounts of ${organization.name}`}>
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Status</Th>
            <Th>Invited</Th>
            <Th>Last sign-in</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {accounts.length === 0 ? (
            <EmptyRow colSpan={6}>No Customer Portal accounts yet.</EmptyRow>
          ) : (
            accounts.map((account) => (
              <tr key={account.id}>
                <Td className="font-medium">{account.name}</Td>
                <Td>{account.email}</Td>
                <Td>
                  <AccountStatusBadge status={account.status} />
                </Td>
                <Td>{account.invitedAt ? formatDate(account.invitedAt) : 'Not yet invited'}</Td>
                <Td>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : 'Never'}</Td>
                <Td className="text-right">
                  <PortalAccountRowActions
                    portalAccountId={account.id}
                    organizationId={organization.id}
                    status={account.status}
                    name={account.name}
                  />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <AddPortalAccountForm organizationId={organization.id} />
    </section>
  );
}
