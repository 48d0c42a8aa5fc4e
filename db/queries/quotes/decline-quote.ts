import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { quotes } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { quoteDeclinedEmail } from '@/lib/email/templates/quotes';
import { publicUrl } from '@/lib/public-url';
import { recordAudit } from '../audit';
import { closedQuoteRefusal, emailLines, lockQuote, quoteAudience, quoteLinesOf } from './quote-parts';

export type DeclineQuoteParams = { sellerId: number; organizationId: number; portalAccountId: number; number: number };

/** The buyer declines a quote of their organization (requested or answered); the seller's owners are told by email. */
export async function declineQuote(db: DbOrTx, params: DeclineQuoteParams) {
  return db.transaction(async (tx) => {
    const { sellerId } = params;
    const quote = await lockQuote(tx, { sellerId, organizationId: params.organizationId, number: params.number });
    if (quote.status !== 'requested' && quote.status !== 'answered' && quote.status !== 'expired') throw closedQuoteRefusal(quote);
    const now = new Date();
    await tx.update(quotes).set({ status: 'declined', closedAt: now, updatedAt: now }).where(and(eq(quotes.id, quote.id), eq(quotes.sellerId, sellerId)));
    const audience = await quoteAudience(tx, { sellerId, portalAccountId: params.portalAccountId });
    await recordAudit(tx, {
      sellerId,
      actor: { label: audience.buyer.name },
      action: 'quote.decline',
      entityType: 'quote',
      entityId: quote.id,
      details: { number: quote.number, organization: audience.buyer.organizationName, portalAccountId: params.portalAccountId },
    });
    const email = quoteDeclinedEmail({
      brand: audience.brand,
      quoteNumber: quote.number,
      organizationName: audience.buyer.organizationName,
      currency: audience.currency,
      url: publicUrl(`/admin/quotes/${quote.number}`),
      lines: emailLines(await quoteLinesOf(tx, { sellerId, quoteId: quote.id })),
      declinedBy: audience.buyer,
    });
    for (const owner of audience.owners) {
      await enqueueEmail(tx, { sellerId, kind: 'quote_declined', to: owner.email, ...email });
    }
    return { number: quote.number };
  });
}
