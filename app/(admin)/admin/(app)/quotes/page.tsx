import type { Metadata } from 'next';
import Link from 'next/link';
import { readReplica } from '@/db';
import { listQuotes } from '@/db/queries/quotes/list-quotes';
import { QuoteFilters } from '@/components/quotes/quote-filters';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { requireStaff } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { choiceParam, pageParam, type SearchParams } from '@/lib/url-params';
import { QUOTE_STATUSES } from '@/lib/validation/quotes';

export const metadata: Metadata = { title: 'Quotes' };

const PAGE_SIZE = 25;

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const sp = await searchParams;
  const status = choiceParam(sp, 'status', QUOTE_STATUSES);
  const page = pageParam(sp);
  const result = await listQuotes(await readReplica(), { sellerId: staff.sellerId, status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader title="Quotes" description="Buyers ask for prices from their cart in the portal. Requests waiting for an answer come first." />
      <QuoteFilters status={status} />
      <Table caption="Quotes">
        <thead>
          <tr>
            <Th>Quote</Th>
            <Th>Requested</Th>
            <Th>Organization</Th>
            <Th>Status</Th>
            <Th>Valid until</Th>
            <Th className="text-right">Lines</Th>
            <Th className="text-right">Units</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {result.rows.length === 0 ? (
            <EmptyRow colSpan={8}>{status ? 'No quotes match this filter.' : 'No quotes yet.'}</EmptyRow>
          ) : (
            result.rows.map((q) => (
              <tr key={q.number}>
                <Td>
                  <Link href={`/admin/quotes/${q.number}`} className="font-medium text-blue-700 hover:underline">
                    Quote {q.number}
                  </Link>
                </Td>
                <Td>{formatDate(q.createdAt)}</Td>
                <Td>
                  <Link href={`/admin/organizations/${q.organizationId}`} className="hover:underline">
                    {q.organizationName}
                  </Link>
                  <span className="block text-xs text-slate-500">{q.requestedByName}</span>
                </Td>
                <Td>
                  <QuoteStatusBadge status={q.status} />
                  {q.orderNumber ? (
                    <Link href={`/admin/orders/${q.orderNumber}`} className="ml-2 text-xs text-blue-700 hover:underline">
                      order {q.orderNumber}
                    </Link>
                  ) : null}
                </Td>
                <Td>{q.validUntil ? formatDate(q.validUntil) : '—'}</Td>
                <Td className="text-right tabular-nums">{q.lines}</Td>
                <Td className="text-right tabular-nums">{q.units}</Td>
                <Td className="text-right tabular-nums">{q.total === null ? '—' : formatMoney(q.total, staff.currency)}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath="/admin/quotes" searchParams={{ status }} page={result.page} pageSize={PAGE_SIZE} total={result.total} />
    </>
  );
}
