import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { quotes } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { quoteWithdrawnEmail } from '@/lib/email/templates/quotes';
import { portalUrl } from '@/lib/public-url';
import { recordAudit, type StaffActor } from '../audit';
import { closedQuoteRefusal, emailLines, lockQuote, quoteAudience, quoteLinesOf } from './quote-parts';

export type WithdrawQuoteParams = { sellerId: number; number: number; actor: StaffActor };

/** Staff withdraw a quote before the buyer accepts it; the buyer is told by email. */
export async function withdrawQuote(db: DbOrTx, params: WithdrawQuoteParams) {
  return db.transaction(async (tx) => {
    const { sellerId } = params;
    const quote = await lockQuote(tx, { sellerId, number: params.number });
    if (quote.status !== 'requested' && quote.status !== 'answered' && quote.status !== 'expired') throw closedQuoteRefusal(quote);
    const now = new Date();
    await tx.update(quotes).set({ status: 'withdrawn', closedAt: now, updatedAt: now }).where(and(eq(quotes.id, quote.id), eq(quotes.sellerId, sellerId)));
    const audience = await quoteAudience(tx, { sellerId, portalAccountId: quote.portalAccountId });
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'quote.withdraw',
      entityType: 'quote',
      entityId: quote.id,
      details: { number: quote.number, from: quote.status, organization: audience.buyer.organizationName },
    });
    const email = quoteWithdrawnEmail({
      brand: audience.brand,
      quoteNumber: quote.number,
      organizationName: audience.buyer.organizationName,
      currency: audience.currency,
      url: portalUrl(audience.brand.portal, `/quotes/${quote.number}`),
      lines: emailLines(await quoteLinesOf(tx, { sellerId, quoteId: quote.id })),
    });
    await enqueueEmail(tx, { sellerId, kind: 'quote_withdrawn', to: audience.buyer.email, ...email });
    return { number: quote.number };
  });
}
