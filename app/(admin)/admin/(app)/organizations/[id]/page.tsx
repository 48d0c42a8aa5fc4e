import type { Metadata } from 'next';
import { PostalAddressLines } from '@/components/organizations/postal-address';
import { LinkButton } from '@/components/ui/button';
import { requireOrganization } from '@/lib/organization-page';
import { getDb } from '@/db';
import { organizationHistory } from '@/db/queries/audit';
import { HistoryList } from '@/components/back-office/history-list';
import { ShipToAddressesSection } from '@/components/organizations/ship-to-addresses-section';
import { listShipToAddresses } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';

export const metadata: Metadata = { title: 'Organization' };

/** Info & addresses tab. */
export default async function OrganizationInfoPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, organization } = await requireOrganization((await params).id);
  const db = await getDb();
  const scope = { sellerId: staff.sellerId, organizationId: organization.id };
  const [history, addresses] = await Promise.all([organizationHistory(db, scope), listShipToAddresses(db, scope)]);
  return (
    <section aria-labelledby="info-heading" className="max-w-4xl space-y-6">
      <div className="flex items-center justify-between">
        <h2 id="info-heading" className="text-lg font-semibold">Info & addresses</h2>
        <LinkButton href={`/admin/organizations/${organization.id}/edit`}>Edit</LinkButton>
      </div>
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-600">Email</dt>
          <dd>{organization.email ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Phone</dt>
          <dd>{organization.phone ?? '—'}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-600">Billing address</dt>
          <dd>
            <PostalAddressLines address={organization.billingAddress} />
          </dd>
        </div>
      </dl>
      <ShipToAddressesSection organizationId={organization.id} organizationName={organization.name} addresses={addresses} />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <HistoryList entries={history} currency={staff.currency} />
      </section>
    </section>
  );
}
