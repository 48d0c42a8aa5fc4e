import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findQuote } from '@/db/queries/quotes/quote-document';
import { quoteHistory } from '@/db/queries/quotes/quote-history';
import { HistoryList } from '@/components/back-office/history-list';
import { AnswerQuoteForm } from '@/components/quotes/answer-quote-form';
import { QuoteLinesTable } from '@/components/quotes/quote-lines-table';
import { QuoteStatusBadge } from '@/components/quotes/quote-status-badge';
import { WithdrawQuoteButton } from '@/components/quotes/withdraw-quote-button';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';
import { formatDate, formatDateTime, isoDay } from '@/lib/format/dates';
import { parseId } from '@/lib/url-params';

export async function generateMetadata({ params }: { params: Promise<{ number: string }> }): Promise<Metadata> {
  return { title: `Quote ${(await params).number}` };
}

/** How long an answer holds unless staff choose otherwise. */
const DEFAULT_VALID_DAYS = 14;

export default async function QuotePage({ params }: { params: Promise<{ number: string }> }) {
  const staff = await requireStaff();
  const { number } = await params;
  const db = await getDb();
  const quote = await findQuote(db, { sellerId: staff.sellerId, number: parseId(number) ?? notFound() });
  if (!quote) notFound();
  const history = await quoteHistory(db, { sellerId: staff.sellerId, quoteId: quote.id });
  const now = new Date();
  const today = isoDay(now);
  const defaultValidUntil = isoDay(new Date(now.getTime() + DEFAULT_VALID_DAYS * 86_400_000));
  const answerable = quote.status === 'requested' || quote.status === 'answered' || quote.status === 'expired';
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/quotes" className="text-blue-700 hover:underline">
          ← All quotes
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            Quote {quote.number} <QuoteStatusBadge status={quote.status} />
          </span>
        }
        description={
          <>
            <Link href={`/admin/organizations/${quote.organizationId}`} className="text-blue-700 underline">
              {quote.organizationName}
            </Link>{' '}
            · requested {formatDateTime(quote.createdAt)} by {quote.requestedBy.name} ({quote.requestedBy.email})
          </>
        }
        actions={answerable ? <WithdrawQuoteButton quoteNumber={quote.number} organizationName={quote.organizationName} /> : undefined}
      />
      <div className="mb-6 space-y-3">
        {quote.status === 'accepted' && quote.orderNumber ? (
          <Alert tone="success" title={`Accepted ${formatDateTime(quote.acceptedAt)}`}>
            It became{' '}
            <Link href={`/admin/orders/${quote.orderNumber}`} className="font-medium underline">
              order {quote.orderNumber}
            </Link>
            .
          </Alert>
        ) : null}
        {quote.status === 'expired' ? (
          <Alert tone="warning" title={`Expired on ${formatDate(quote.validUntil)}`}>
            The buyer can no longer accept it. Answer again with a new date to give them new prices.
          </Alert>
        ) : null}
        {quote.status === 'withdrawn' ? <Alert tone="warning">Withdrawn {formatDateTime(quote.closedAt)}.</Alert> : null}
        {quote.status === 'declined' ? <Alert tone="info">The buyer declined it {formatDateTime(quote.closedAt)}.</Alert> : null}
        {quote.answeredAt ? (
          <p className="text-sm text-slate-600">
            Answered {formatDateTime(quote.answeredAt)}
            {quote.answeredByName ? ` by ${quote.answeredByName}` : ''}
            {quote.validUntil ? `, valid until ${formatDate(quote.validUntil)}` : ''}.
          </p>
        ) : null}
        {quote.buyerMessage ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <span className="font-medium">Message from the buyer:</span> {quote.buyerMessage}
          </p>
        ) : null}
        {quote.staffNote && !answerable ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <span className="font-medium">Your note:</span> {quote.staffNote}
          </p>
        ) : null}
      </div>
      {answerable ? (
        <section aria-labelledby="answer-heading" className="space-y-3">
          <h2 id="answer-heading" className="text-lg font-semibold">
            {quote.status === 'requested' ? 'Answer' : 'Replace the answer'}
          </h2>
          {quote.status !== 'requested' ? (
            <p className="text-sm text-slate-600">The buyer has not accepted yet: a new answer replaces the prices, date and note, and the buyer is emailed again.</p>
          ) : null}
          <AnswerQuoteForm quote={quote} currency={staff.currency} today={today} defaultValidUntil={defaultValidUntil} />
        </section>
      ) : (
        <section aria-labelledby="lines-heading" className="space-y-3">
          <h2 id="lines-heading" className="text-lg font-semibold">
            Lines
          </h2>
          <QuoteLinesTable quote={quote} currency={staff.currency} showCurrentPrice />
        </section>
      )}
      <section aria-labelledby="quote-history-heading" className="mt-8 space-y-3">
        <h2 id="quote-history-heading" className="text-lg font-semibold">
          History
        </h2>
        <HistoryList entries={history} currency={staff.currency} />
      </section>
    </>
  );
}
