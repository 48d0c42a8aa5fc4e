'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The tabs of an organization's page; each is its own URL, so it can be linked and reloaded. */
export function OrganizationTabs({ organizationId }: { organizationId: number }) {
  const pathname = usePathname();
  const base = `/admin/organizations/${organizationId}`;
  const tabs = [
    { href: base, label: 'Info & addresses', match: (p: string) => p === base || p === `${base}/edit` || p.startsWith(`${base}/addresses/`) },
    { href: `${base}/portal`, label: 'Customer Portal' },
    { href: `${base}/orders`, label: 'Orders' },
    { href: `${base}/rmas`, label: 'RMAs' },
  ];
  return (
    <nav aria-label="Organization" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1 text-sm">
        {tabs.map((tab) => {
          const current = tab.match ? tab.match(pathname) : pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-block border-b-2 px-3 py-2 ${
                  current ? 'border-[var(--brand)] font-semibold text-slate-900' : 'border-transparent text-slate-600 hover:text-slate-900'
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
