import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { formatDate } from '@/lib/format/dates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readReplica } from '@/db';
import { listCustomerRmas } from '@/db/queries/portal/rmas/find-rma';
import { RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { pageParam, type SearchParams } from '@/lib/url-params';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'RMAs' };

const PAGE_SIZE = 25;

export default async function RmasPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const page = pageParam(await searchParams);
  const customer = await requireOpenPortalCustomer(slug);
  const { rows, total } = await listCustomerRmas(await readReplica(), { ...scopeOf(customer), page, pageSize: PAGE_SIZE });
  const base = `/p/${slug}/rmas`;
  return (
    <>
      <PageHeader
        title="RMAs"
        description={`Returns of ${customer.organizationName}: what you asked for and what we decided.`}
        actions={
          <LinkButton href={`${base}/new`} variant="primary">
            Request a return
          </LinkButton>
        }
      />
      <Table caption={`RMAs of ${customer.organizationName}`} cards>
        <thead>
          <tr>
            <Th>RMA</Th>
            <Th>Date</Th>
            <Th>Status</Th>
            <Th className="text-right">Devices</Th>
            <Th className="text-right">Refund total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={5}>No RMAs yet.</EmptyRow>
          ) : (
            rows.map((rma) => (
              <tr key={rma.number}>
                <Td>
                  <Link href={`${base}/${rma.number}`} className="font-medium text-[var(--brand-text)] hover:underline">
                    RMA {rma.number}
                  </Link>
                </Td>
                <Td label="Date">{formatDate(rma.createdAt)}</Td>
                <Td label="Status">
                  <RmaStatusBadge status={rma.status} />
                  {rma.resolution ? <span className="ml-2 text-xs text-slate-500">as {rma.resolution}</span> : null}
                </Td>
                <Td label="Devices" className="text-right tabular-nums">{rma.devices}</Td>
                <Td label="Refund total" className="text-right tabular-nums">{formatMoney(rma.refundTotal, customer.currency)}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath={base} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
