import Link from 'next/link';
import type { Metadata } from 'next';
import { getDb } from '@/db';
import { dashboardSummary } from '@/db/queries/dashboard';
import { PageHeader } from '@/components/ui/page-header';
import { formatDate } from '@/lib/format/dates';
import { HistoryList } from '@/components/back-office/history-list';
import { DashboardCard } from '@/components/dashboard/dashboard-card';
import { RequestedByCustomer, RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const staff = await requireStaff();
  const summary = await dashboardSummary(await getDb(), { sellerId: staff.sellerId });
  const awaiting = summary.portalOrdersAwaiting;
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome, ${staff.name}.`} />
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        <DashboardCard
          title="New portal orders awaiting review"
          figure={awaiting.count}
          link={{ href: '/admin/orders?status=open', label: 'All open orders' }}
        >
          {awaiting.latest.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {awaiting.latest.map((o) => (
                <li key={o.number} className="flex justify-between gap-3 py-1.5">
                  <Link href={`/admin/orders/${o.number}`} className="text-[var(--brand-text)] underline">
                    Order {o.number}
                  </Link>
                  <span className="truncate text-slate-700">{o.organizationName}</span>
                  <span className="whitespace-nowrap text-slate-500">{formatDate(o.createdAt)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No portal order is waiting.</p>
          )}
        </DashboardCard>
        <DashboardCard title="Devices for sale" figure={summary.devicesForSale} link={{ href: '/admin/inventory', label: 'Inventory' }}>
          <p className="text-sm text-slate-600">Counted as the Customer Portal&apos;s For Sale page counts them: chosen statuses and warehouses, not committed.</p>
        </DashboardCard>
        <DashboardCard title="Open RMAs" figure={summary.openRmas.count} link={{ href: '/admin/rmas?status=any_open', label: 'All open RMAs' }}>
          {summary.openRmas.latest.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {summary.openRmas.latest.map((r) => (
                <li key={r.number} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                  <Link href={`/admin/rmas/${r.number}`} className="text-[var(--brand-text)] underline">
                    RMA {r.number}
                  </Link>
                  <span className="truncate text-slate-700">{r.organizationName}</span>
                  <RmaStatusBadge status={r.status} />
                  {r.requestedByCustomer ? <RequestedByCustomer /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No open RMA.</p>
          )}
        </DashboardCard>
      </div>
      <section aria-labelledby="activity-heading" className="mt-8 space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Recent activity
        </h2>
        <HistoryList entries={summary.recentActivity} currency={staff.currency} empty="No activity recorded yet." />
      </section>
    </>
  );
}
