import { getDb } from '@/db';
import { loadCompanyProfile } from '@/db/queries/settings/company-profile';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { CompanyProfileForm } from '@/components/settings/company-profile-form';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { saveCompanyProfileAction } from '@/lib/actions/settings/save-company-profile';
import { supportedTimeZones } from '@/lib/format/locales';
import { settingsPageAccess } from '@/lib/settings/page-access';

export const metadata = { title: 'Company settings' };

export default async function CompanySettingsPage() {
  const { staff, allowed } = await settingsPageAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const db = await getDb();
  const [profile, changes] = await Promise.all([
    loadCompanyProfile(db, { sellerId: staff.sellerId }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['company_profile'] }),
  ]);
  const zones = supportedTimeZones();
  return (
    <div className="max-w-3xl">
      <SettingsHeader
        title="Company"
        description={`${profile.name}'s legal name, address, tax number and contact, printed on every invoice, PDF and email; and the locale and time zone of dates, money and numbers.`}
        trail={[{ href: '/admin/settings/company', label: 'Company' }]}
      />
      <CompanyProfileForm
        action={saveCompanyProfileAction}
        timeZones={zones.includes(profile.timeZone) ? zones : [profile.timeZone, ...zones]}
        defaultValues={{
          legalName: profile.legalName ?? '',
          address: profile.address ?? '',
          taxId: profile.taxId ?? '',
          contactEmail: profile.contactEmail ?? '',
          contactPhone: profile.contactPhone ?? '',
          locale: profile.locale,
          timeZone: profile.timeZone,
        }}
      />
      <RecentChanges changes={changes} />
    </div>
  );
}
