import type { Metadata } from 'next';
import Link from 'next/link';
import { PostalAddressLines } from '@/components/organizations/postal-address';
import { LinkButton } from '@/components/ui/button';
import { requireOrganization } from '@/lib/organization-page';
import { getDb } from '@/db';
import { organizationHistory } from '@/db/queries/audit';
import { HistoryList } from '@/components/back-office/history-list';
import { OrganizationPriceListForm } from '@/components/price-lists/organization-price-list-form';
import { priceListChoices } from '@/db/queries/price-lists/list-price-lists';
import { hasRole } from '@/lib/auth/session';
import { organizationCreditBalance } from '@/db/queries/invoices/credit-balance';
import { CreditBalanceSection } from '@/components/invoices/credit-balance-section';
import { ShipToAddressesSection } from '@/components/organizations/ship-to-addresses-section';
import { listShipToAddresses } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';

export const metadata: Metadata = { title: 'Organization' };

/** Info & addresses tab. */
export default async function OrganizationInfoPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, organization } = await requireOrganization((await params).id);
  const db = await getDb();
  const scope = { sellerId: staff.sellerId, organizationId: organization.id };
  const [history, credit, priceLists, addresses] = await Promise.all([
    organizationHistory(db, scope),
    organizationCreditBalance(db, scope),
    priceListChoices(db, { sellerId: staff.sellerId }),
    listShipToAddresses(db, scope),
  ]);
  const priceList = priceLists.find((l) => l.id === organization.priceListId);
  return (
    <section aria-labelledby="info-heading" className="max-w-4xl space-y-6">
      <div className="flex items-center justify-between">
        <h2 id="info-heading" className="text-lg font-semibold">Info & addresses</h2>
        <LinkButton href={`/admin/organizations/${organization.id}/edit`}>Edit</LinkButton>
      </div>
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-medium text-slate-600">Account code</dt>
          <dd className="font-mono">{organization.code ?? '—'}</dd>
        </div>
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
      <section aria-labelledby="price-list-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="price-list-heading" className="text-lg font-semibold">Prices</h2>
        <p className="text-sm text-slate-700">
          {priceList ? (
            <>
              Pays the prices of <Link href={`/admin/price-lists/${priceList.id}`} className="text-[var(--brand-text)] underline">{priceList.name}</Link> on For Sale, in the cart and at checkout.
            </>
          ) : (
            'Pays list prices.'
          )}
        </p>
        {hasRole(staff, 'admin') && priceLists.length ? (
          <OrganizationPriceListForm organizationId={organization.id} current={organization.priceListId} choices={priceLists} />
        ) : null}
      </section>
      <CreditBalanceSection
        balance={credit}
        currency={staff.currency}
        heading="Credit balance"
        intro="What this organization holds as credit with you; nothing is applied automatically. The buyer sees the same on their Invoices page and at checkout."
        links={{ rma: (n) => `/admin/rmas/${n}`, invoice: (order, invoice) => `/admin/orders/${order}/invoices/${invoice}` }}
      />
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <HistoryList entries={history} currency={staff.currency} />
      </section>
    </section>
  );
}
