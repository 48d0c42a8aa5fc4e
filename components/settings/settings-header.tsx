import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';

/** A settings page title with the way back up: Settings › section › page. */
export function SettingsHeader({
  title,
  description,
  trail = [],
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  trail?: { href: string; label: string }[];
  actions?: ReactNode;
}) {
  const crumbs = [{ href: '/admin/settings', label: 'Settings' }, ...trail];
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          {crumbs.map((c, i) => (
            <li key={c.href} className="flex gap-1">
              {i > 0 ? <span aria-hidden>›</span> : null}
              <Link href={c.href} className="hover:underline">
                {c.label}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <PageHeader title={title} description={description} actions={actions} />
    </>
  );
}
