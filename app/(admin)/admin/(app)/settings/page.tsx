import Link from 'next/link';
import { getDb } from '@/db';
import { isPortalEnabled } from '@/db/queries/settings/portal-settings';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { PageHeader } from '@/components/ui/page-header';
import { settingsPageAccess } from '@/lib/settings/page-access';

export const metadata = { title: 'Settings' };

type Item = { href: string; label: string; description: string; badge?: string };

const sections = (portalOn: boolean): { id: string; title: string; items: Item[] }[] => [
  {
    id: 'company',
    title: 'Company',
    items: [
      {
        href: '/admin/settings/company',
        label: 'Company profile',
        description: 'Legal name, address, tax or VAT number and contact printed on invoices and emails; locale and time zone.',
      },
    ],
  },
  {
    id: 'integrations',
    title: 'Integrations',
    items: [
      {
        href: '/admin/settings/customer-portal',
        label: 'Customer Portal',
        description: 'Portal URL, what counts toward For Sale, checkout, auto invoice, branding and custom domain.',
        badge: portalOn ? 'On' : 'Off',
      },
    ],
  },
  {
    id: 'inventory',
    title: 'Inventory',
    items: [
      { href: '/admin/settings/warehouses', label: 'Warehouses', description: 'Where devices are stored: name and code.' },
      { href: '/admin/settings/inventory-statuses', label: 'Inventory statuses', description: 'The states a device can be in, in order.' },
    ],
  },
  {
    id: 'sales',
    title: 'Sales',
    items: [
      { href: '/admin/settings/order-statuses', label: 'Order statuses', description: 'Name, color, open, and whether devices can be committed.' },
      { href: '/admin/settings/sales-channels', label: 'Sales channels', description: 'Where orders come from.' },
      { href: '/admin/settings/payment-methods', label: 'Payment methods', description: 'How customers pay, with the instructions printed on invoices.' },
    ],
  },
  {
    id: 'team',
    title: 'Team',
    items: [{ href: '/admin/settings/staff', label: 'Staff users', description: 'Who can sign in to the back office, and their roles.' }],
  },
];

export default async function SettingsPage() {
  const { staff, allowed } = await settingsPageAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const db = await getDb();
  const [portalOn, changes] = await Promise.all([
    isPortalEnabled(db, { sellerId: staff.sellerId }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, limit: 10 }),
  ]);
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" description={`How ${staff.sellerName} works in Tradepost.`} />
      <div className="grid gap-6 md:grid-cols-2">
        {sections(portalOn).map((section) => (
          <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id={`${section.id}-title`} className="text-sm font-semibold uppercase tracking-wide text-slate-500">
              {section.title}
            </h2>
            <ul className="mt-3 space-y-3">
              {section.items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="font-medium text-blue-700 hover:underline">
                    {item.label}
                  </Link>
                  {item.badge ? (
                    <span
                      className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium ${item.badge === 'On' ? 'bg-green-100 text-green-800' : 'bg-slate-100 text-slate-700'}`}
                    >
                      {item.badge}
                    </span>
                  ) : null}
                  <p className="text-sm text-slate-600">{item.description}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <RecentChanges changes={changes} title="Recent settings changes" />
    </div>
  );
}
