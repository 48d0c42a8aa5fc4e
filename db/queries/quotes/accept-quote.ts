import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { quotes } from '@/db/schema';
import type { AcceptQuoteValues } from '@/lib/validation/quotes';
import { recordAudit } from '../audit';
import { readSellable, ruleColumns } from '../cart';
import { placePortalOrderIn, type PortalOrderLine } from '../checkout';
import { num } from '../portal/scope';
import { closedQuoteRefusal, lockQuote, quoteAudience } from './quote-parts';

export type AcceptQuoteParams = AcceptQuoteValues & {
  sellerId: number;
  organizationId: number;
  /** The buyer accepting (any buyer of the organization); the order is theirs. */
  portalAccountId: number;
};

export type AcceptedQuote = {
  quoteNumber: number;
  orderId: number;
  orderNumber: number;
  /** True when the quote had already been accepted (a second click, a second tab): the same order, not a second. */
  alreadyAccepted: boolean;
};

/**
 * The buyer accepts an answered quote: it becomes an order exactly as
 * checkout places one (db/queries/checkout.ts: the portal's initial status,
 * channel, payment method, PO number, auto invoice, the owners' email, the
 * same refusal of lines above what is available now), at the quoted unit
 * prices, in one transaction with the quote's change to accepted. The quote
 * row is locked first, so a second accept waits and then answers with the
 * order the first one placed.
 */
export async function acceptQuote(db: DbOrTx, params: AcceptQuoteParams): Promise<AcceptedQuote> {
  return db.transaction(async (tx) => {
    const { sellerId, organizationId } = params;
    const quote = await lockQuote(tx, { sellerId, organizationId, number: params.number });
    if (quote.status === 'accepted' && quote.orderId && quote.orderNumber) {
      return { quoteNumber: quote.number, orderId: quote.orderId, orderNumber: quote.orderNumber, alreadyAccepted: true };
    }
    if (quote.status !== 'answered') throw closedQuoteRefusal(quote);

    const lines = await quotedLines(tx, { sellerId, quoteId: quote.id });
    const placed = await placePortalOrderIn(
      tx,
      {
        sellerId,
        organizationId,
        portalAccountId: params.portalAccountId,
        paymentMethodId: params.paymentMethodId,
        poNumber: params.poNumber,
        notes: null,
        idempotencyKey: null,
        quoteNumber: quote.number,
        linesAre: 'on the quote',
        agreed: true,
      },
      lines,
    );
    const now = new Date();
    await tx
      .update(quotes)
      .set({ status: 'accepted', acceptedAt: now, orderId: placed.orderId, updatedAt: now })
      .where(and(eq(quotes.id, quote.id), eq(quotes.sellerId, sellerId)));
    const { buyer } = await quoteAudience(tx, { sellerId, portalAccountId: params.portalAccountId });
    await recordAudit(tx, {
      sellerId,
      actor: { label: buyer.name },
      action: 'quote.accept',
      entityType: 'quote',
      entityId: quote.id,
      details: { number: quote.number, orderNumber: placed.number, organization: buyer.organizationName, portalAccountId: params.portalAccountId },
    });
    return { quoteNumber: quote.number, orderId: placed.orderId, orderNumber: placed.number, alreadyAccepted: false };
  });
}

/**
 * The quote's lines as order lines: the quoted unit price, and what is
 * available now. Availability is the product's available quantity, the
 * number checkout counts; the "hide inventory without prices" rule does not
 * apply, since a quoted line has its price.
 */
async function quotedLines(tx: DbOrTx, params: { sellerId: number; quoteId: number }): Promise<PortalOrderLine[]> {
  const rows = await queryRows<Parameters<typeof readSellable>[0] & { productId: unknown; quantity: unknown }>(tx, sql`
    select l.product_id as "productId", l.quantity,
      p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      l.quoted_unit_price as price, coalesce(a.quantity, 0) as available, ${ruleColumns}
    from quote_lines l
    join products p on p.id = l.product_id and p.seller_id = l.seller_id
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    where l.quote_id = ${params.quoteId} and l.seller_id = ${params.sellerId}
    order by l.position, l.id`);
  // Agreed with staff: no minimum order value applies (see PortalOrderParams.agreed).
  return rows.map((r) => ({ ...readSellable(r), productId: num(r.productId), quantity: num(r.quantity), minOrderValue: null }));
}
