import { minorToDecimalString } from '@/lib/money';
import Link from 'next/link';
import { getDb } from '@/db';
import { loadPortalSettings } from '@/db/queries/settings/portal-settings';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { CopyButton } from '@/components/settings/copy-button';
import { CustomDomainStatus } from '@/components/settings/custom-domain-status';
import { PortalSettingsForm } from '@/components/settings/portal-settings-form';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { Alert } from '@/components/ui/alert';
import { settingsPageAccess } from '@/lib/settings/page-access';
import { portalUrl as portalAddress } from '@/lib/public-url';
import { joinWithAnd } from '@/lib/settings/words';
import { savePortalSettingsAction } from '@/lib/actions/settings/save-portal-settings';

export const metadata = { title: 'Customer Portal settings' };

function PortalUrl({ label, url, id }: { label: string; url: string; id: string }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={url}
          className="w-full max-w-lg rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <CopyButton text={url} label="Copy" what="portal URL" />
        <a href={url} target="_blank" rel="noreferrer" className="text-sm font-medium text-blue-700 underline">
          Open<span className="sr-only"> {label}</span>
        </a>
      </div>
    </div>
  );
}

export default async function CustomerPortalSettingsPage() {
  const { staff, allowed } = await settingsPageAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const db = await getDb();
  const [page, changes] = await Promise.all([
    loadPortalSettings(db, { sellerId: staff.sellerId }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['portal_settings'] }),
  ]);
  const { settings, choices, options, seller, customDomain } = page;
  const portalUrl = portalAddress({ slug: seller.slug });
  // Only a verified domain serves the portal, so only then is it a URL to hand out.
  const domainUrl = customDomain?.verifiedAt ? portalAddress({ slug: seller.slug, verifiedDomain: customDomain.name }) : null;

  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Customer Portal"
        description="Your branded portal where customers see what is For Sale, check out, and look up their orders, purchased devices and RMAs."
        trail={[
          { href: '/admin/settings#integrations', label: 'Integrations' },
          { href: '/admin/settings/customer-portal', label: 'Customer Portal' },
        ]}
      />

      <section aria-label="Where customers sign in" className="mb-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <PortalUrl id="portal-url" label="Portal URL" url={portalUrl} />
        {domainUrl ? <PortalUrl id="portal-domain-url" label="Custom domain URL" url={domainUrl} /> : null}
        <p className="text-sm text-slate-600">
          Customers sign in here once you have enabled the portal and invited them from{' '}
          <Link href="/admin/organizations" className="text-blue-700 underline">
            Organizations
          </Link>{' '}
          › a customer › Customer Portal › Add a Customer Portal Account.
        </p>
      </section>

      {customDomain ? <CustomDomainStatus name={customDomain.name} verifiedAt={customDomain.verifiedAt} record={customDomain.record} /> : null}

      <div className="mb-6 space-y-3">
        {settings.enabled ? (
          <Alert tone="success" title="The Customer Portal is on.">
            Customers with an active Customer Portal Account can sign in.
          </Alert>
        ) : (
          <Alert tone="info" title="The Customer Portal is off.">
            Customers see a closed page.
            {page.missing.length ? ` To enable it, choose ${joinWithAnd(page.missing)}.` : ' Everything it needs is chosen; tick "Enable the Customer Portal" and save.'}
          </Alert>
        )}
        {page.checkoutUnavailable ? (
          <Alert tone="warning" title="Checkout is unavailable: no payment method is offered.">
            Customers can browse For Sale, but the portal tells them ordering is unavailable until you choose at least
            one payment method below.
          </Alert>
        ) : null}
      </div>

      <PortalSettingsForm
        action={savePortalSettingsAction}
        sellerName={seller.name}
        options={options}
        values={{
          enabled: settings.enabled,
          ...choices,
          newOrderRecipientIds: page.newOrderRecipientIds,
          autoInvoice: settings.autoInvoice,
          hideUnpriced: settings.hideUnpriced,
          hideBlacklisted: settings.hideBlacklisted,
          hideUnknownBlacklist: settings.hideUnknownBlacklist,
          hideActivationLocked: settings.hideActivationLocked,
          hideFailedTest: settings.hideFailedTest,
          buyersMayAddAddresses: settings.buyersMayAddAddresses,
          buyersMayPickUnits: settings.buyersMayPickUnits,
          displayName: settings.displayName,
          logoPath: page.logo?.path ?? null,
          brandColor: settings.brandColor,
          returnWindowDays: settings.returnWindowDays,
          returnAddress: settings.returnAddress,
          returnShipDays: settings.returnShipDays,
          invoiceDueDays: settings.invoiceDueDays,
          customDomain: seller.customDomain,
          minOrderValue: settings.minOrderValue === null ? null : minorToDecimalString(settings.minOrderValue, seller.currency),
          quantityDisplay: settings.quantityDisplay,
          quantityCap: settings.quantityCap,
        }}
      />

      <RecentChanges changes={changes} />
    </div>
  );
}
