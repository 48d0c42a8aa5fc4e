import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { checkoutReadiness } from '@/db/queries/checkout';
import { scopeOf } from '@/db/queries/portal/scope';
import { findCustomerQuote } from '@/db/queries/quotes/quote-document';
import { OrderingUnavailable } from '@/components/checkout/ordering-unavailable';
import { AcceptQuoteForm } from '@/components/quotes/accept-quote-form';
import { DeclineQuoteButton } from '@/components/quotes/decline-quote-button';
import { QuoteLinesTable } from '@/components/quotes/quote-lines-table';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { formatDate } from '@/lib/format/dates';
import { param, parseId, type SearchParams } from '@/lib/url-params';

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Quote ${(await params).number}` };
}

export default async function QuotePage({ params, searchParams }: { params: Promise<{ slug: string; number: string }>; searchParams: Promise<SearchParams> }) {
  const { slug, number } = await params;
  const justRequested = param(await searchParams, 'requested') === '1';
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const quote = await findCustomerQuote(db, { ...scopeOf(customer), number: parseId(number) ?? notFound() });
  if (!quote) notFound();
  const readiness = quote.status === 'answered' ? await checkoutReadiness(db, { sellerId: customer.sellerId }) : null;
  const sellerName = customer.portal.name;
  const base = `/p/${slug}`;
  const open = quote.status === 'requested' || quote.status === 'answered';
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`${base}/quotes`} className="text-[var(--brand-text)] hover:underline">
          ← All quotes
        </Link>
      </p>
      {justRequested && quote.status === 'requested' ? (
        <div className="mb-4">
          <Alert tone="success" title={`Quote request ${quote.number} sent.`}>
            {sellerName} will price it and email you; the answer shows here.
          </Alert>
        </div>
      ) : null}
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            Quote {quote.number} <QuoteStatusBadge status={quote.status} />
          </span>
        }
        description={`Requested ${formatDate(quote.createdAt)} by ${quote.requestedBy.name}${quote.validUntil ? ` · valid until ${formatDate(quote.validUntil)}` : ''}`}
        actions={open ? <DeclineQuoteButton slug={slug} quoteNumber={quote.number} sellerName={sellerName} /> : undefined}
      />
      <div className="mb-6 space-y-3">
        {quote.status === 'requested' ? <Alert tone="info">{sellerName} has not answered yet. You will get an email when the prices are in.</Alert> : null}
        {quote.status === 'expired' ? (
          <Alert tone="warning" title={`This quote expired on ${formatDate(quote.validUntil)}`}>
            It can no longer be accepted. Ask for a new quote from your cart.
          </Alert>
        ) : null}
        {quote.status === 'withdrawn' ? <Alert tone="warning" title={`${sellerName} withdrew this quote`}>It can no longer be accepted.</Alert> : null}
        {quote.status === 'declined' ? <p className="text-sm text-slate-700">You declined this quote.</p> : null}
        {quote.status === 'accepted' && quote.orderNumber ? (
          <Alert tone="success" title={`Accepted ${formatDate(quote.acceptedAt)}`}>
            It became{' '}
            <Link href={`${base}/orders/${quote.orderNumber}`} className="font-medium underline">
              order {quote.orderNumber}
            </Link>
            .
          </Alert>
        ) : null}
      </div>
      <div className="grid gap-8 lg:grid-cols-5">
        <section aria-labelledby="quote-lines-heading" className="space-y-4 lg:col-span-3">
          <h2 id="quote-lines-heading" className="text-lg font-semibold">
            Lines
          </h2>
          <QuoteLinesTable quote={quote} currency={customer.currency} />
          {quote.buyerMessage ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <span className="font-medium">Your message:</span> {quote.buyerMessage}
            </p>
          ) : null}
          {quote.staffNote ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <span className="font-medium">Note from {sellerName}:</span> {quote.staffNote}
            </p>
          ) : null}
        </section>
        {quote.status === 'answered' && readiness ? (
          <section aria-labelledby="accept-heading" className="lg:col-span-2">
            <h2 id="accept-heading" className="mb-3 text-lg font-semibold">
              Accept and order
            </h2>
            <p className="mb-4 text-sm text-slate-600">
              Accepting places an order at the quoted prices, as long as the quantities are still available.
            </p>
            {readiness.ready ? <AcceptQuoteForm quoteNumber={quote.number} methods={readiness.paymentMethods} /> : <OrderingUnavailable sellerName={sellerName} />}
          </section>
        ) : null}
        {quote.status === 'expired' || quote.status === 'withdrawn' || quote.status === 'declined' ? (
          <section className="lg:col-span-2">
            <LinkButton href={`${base}/cart`}>Go to your cart</LinkButton>
          </section>
        ) : null}
      </div>
    </>
  );
}
