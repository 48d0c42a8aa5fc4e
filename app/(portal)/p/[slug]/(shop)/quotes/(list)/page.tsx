import type { Metadata } from 'next';
import Link from 'next/link';
import { readReplica } from '@/db';
import { scopeOf } from '@/db/queries/portal/scope';
import { listCustomerQuotes } from '@/db/queries/quotes/list-quotes';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { pageParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Quotes' };

const PAGE_SIZE = 25;

export default async function QuotesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  const page = pageParam(await searchParams);
  const customer = await requireOpenPortalCustomer(slug);
  const { rows, total } = await listCustomerQuotes(await readReplica(), { ...scopeOf(customer), page, pageSize: PAGE_SIZE });
  const base = `/p/${slug}/quotes`;
  return (
    <>
      <PageHeader
        title="Quotes"
        description={`Prices ${customer.portal.name} quoted for ${customer.organizationName}. Ask for one from your cart.`}
        actions={<LinkButton href={`/p/${slug}/cart`}>Go to your cart</LinkButton>}
      />
      <Table caption={`Quotes of ${customer.organizationName}`} cards>
        <thead>
          <tr>
            <Th>Quote</Th>
            <Th>Date</Th>
            <Th>Status</Th>
            <Th>Valid until</Th>
            <Th className="text-right">Units</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={6}>No quotes yet. Fill your cart and choose &ldquo;Request a quote&rdquo;.</EmptyRow>
          ) : (
            rows.map((quote) => (
              <tr key={quote.number}>
                <Td>
                  <Link href={`${base}/${quote.number}`} className="font-medium text-[var(--brand-text)] hover:underline">
                    Quote {quote.number}
                  </Link>
                </Td>
                <Td label="Date">{formatDate(quote.createdAt)}</Td>
                <Td label="Status">
                  <QuoteStatusBadge status={quote.status} />
                  {quote.orderNumber ? <span className="ml-2 text-xs text-slate-500">order {quote.orderNumber}</span> : null}
                </Td>
                <Td label="Valid until">{quote.validUntil ? formatDate(quote.validUntil) : '—'}</Td>
                <Td label="Units" className="text-right tabular-nums">{quote.units}</Td>
                <Td label="Total" className="text-right tabular-nums">{quote.total === null ? '—' : formatMoney(quote.total, customer.currency)}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath={base} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
