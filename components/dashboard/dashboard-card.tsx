import { formatNumber } from '@/lib/format/numbers';
import Link from 'next/link';
import type { ReactNode } from 'react';

export function DashboardCard({
  title,
  figure,
  link,
  children,
}: {
  title: string;
  figure: number;
  link?: { href: string; label: string };
  children?: ReactNode;
}) {
  const id = `card-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-start justify-between gap-3">
        <h2 id={id} className="text-sm font-semibold text-slate-700">
          {title}
        </h2>
        {link ? (
          <Link href={link.href} className="whitespace-nowrap text-sm text-[var(--brand-text)] underline">
            {link.label}
          </Link>
        ) : null}
      </div>
      <p className="text-3xl font-bold tabular-nums">{formatNumber(figure)}</p>
      {children}
    </section>
  );
}
