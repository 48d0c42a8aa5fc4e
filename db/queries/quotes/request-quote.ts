import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import { cartLines, quoteLines, quotes } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { quoteRequestEmail } from '@/lib/email/templates/quotes';
import { readMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { publicUrl } from '@/lib/public-url';
import { Refusal } from '@/lib/refusal';
import type { RequestQuoteValues } from '@/lib/validation/quotes';
import { recordAudit } from '../audit';
import { nextDocumentNumber } from '../document-numbers';
import { num } from '../portal/scope';
import { emailLines, quoteAudience, quoteLinesOf } from './quote-parts';

export type RequestQuoteParams = RequestQuoteValues & {
  sellerId: number;
  organizationId: number;
  portalAccountId: number;
};

export type RequestedQuote = { quoteId: number; number: number; alreadyRequested: boolean };

/**
 * Turns the account's cart into a quote request, in one transaction: the
 * lines and quantities are read from the cart here (the browser sends only
 * target prices and the message), the cart is emptied, the request is
 * audited and the seller's owners are emailed. The same idempotency key
 * never makes a second quote.
 */
export async function requestQuote(db: DbOrTx, params: RequestQuoteParams): Promise<RequestedQuote> {
  try {
    return await db.transaction((tx) => requestQuoteIn(tx, params));
  } catch (error) {
    // Two submissions raced past the key check; the loser finds the winner's quote.
    if (isUniqueViolation(error, 'quotes_seller_idempotency_unique')) {
      const previous = await quoteByKey(db, params);
      if (previous) return previous;
    }
    throw error;
  }
}

async function quoteByKey(db: DbOrTx, params: RequestQuoteParams): Promise<RequestedQuote | null> {
  const [quote] = await db
    .select({ id: quotes.id, number: quotes.number, portalAccountId: quotes.portalAccountId })
    .from(quotes)
    .where(and(eq(quotes.sellerId, params.sellerId), eq(quotes.idempotencyKey, params.idempotencyKey)))
    .limit(1);
  if (!quote) return null;
  if (quote.portalAccountId !== params.portalAccountId) {
    throw new Refusal('This quote form was already used. Reload the page and try again.', { code: 'key_taken' });
  }
  return { quoteId: quote.id, number: quote.number, alreadyRequested: true };
}

type CartLineToQuote = {
  productId: number;
  quantity: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
};

async function requestQuoteIn(tx: DbOrTx, params: RequestQuoteParams): Promise<RequestedQuote> {
  const { sellerId, portalAccountId } = params;
  // Locking the cart's lines serializes two requests of one cart: the second waits, then finds it empty.
  const lines = await queryRows<CartLineToQuote>(tx, sql`
    select c.product_id as "productId", c.quantity, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
    from cart_lines c join products p on p.id = c.product_id and p.seller_id = c.seller_id
    where c.seller_id = ${sellerId} and c.portal_account_id = ${portalAccountId}
    order by c.added_at, c.product_id
    for update of c`);
  const previous = await quoteByKey(tx, params);
  if (previous) return previous;
  if (!lines.length) throw new Refusal('Your cart is empty. Add the products you want a quote for first.', { code: 'empty' });

  const audience = await quoteAudience(tx, params);
  const targets = readTargets(lines, params.targets, audience.currency);

  await tx.delete(cartLines).where(
    and(eq(cartLines.sellerId, sellerId), eq(cartLines.portalAccountId, portalAccountId), inArray(cartLines.productId, lines.map((l) => num(l.productId)))),
  );
  const number = await nextDocumentNumber(tx, { sellerId, kind: 'quote' });
  const [quote] = await tx
    .insert(quotes)
    .values({
      sellerId,
      number,
      organizationId: params.organizationId,
      portalAccountId,
      buyerMessage: params.message,
      idempotencyKey: params.idempotencyKey,
    })
    .returning({ id: quotes.id });
  await tx.insert(quoteLines).values(
    lines.map((l, position) => ({
      sellerId,
      quoteId: quote!.id,
      productId: num(l.productId),
      quantity: num(l.quantity),
      targetUnitPrice: targets.get(num(l.productId)) ?? null,
      position,
    })),
  );

  await recordAudit(tx, {
    sellerId,
    actor: { label: audience.buyer.name },
    action: 'quote.request',
    entityType: 'quote',
    entityId: quote!.id,
    details: { number, lines: lines.length, organization: audience.buyer.organizationName, portalAccountId },
  });
  const email = quoteRequestEmail({
    brand: audience.brand,
    quoteNumber: number,
    organizationName: audience.buyer.organizationName,
    currency: audience.currency,
    url: publicUrl(`/admin/quotes/${number}`),
    lines: emailLines(await quoteLinesOf(tx, { sellerId, quoteId: quote!.id })),
    requestedBy: audience.buyer,
    message: params.message,
  });
  for (const owner of audience.owners) {
    await enqueueEmail(tx, { sellerId, kind: 'quote_request', to: owner.email, ...email });
  }
  return { quoteId: quote!.id, number, alreadyRequested: false };
}

/** Target prices by product, read in the seller's currency; every unreadable one is refused at its field, nothing written. */
function readTargets(lines: CartLineToQuote[], targets: RequestQuoteValues['targets'], currency: string): Map<number, number> {
  const byProduct = new Map(targets.map((t) => [t.productId, t.price.trim()]));
  const read = new Map<number, number>();
  const fieldErrors: Record<string, string[]> = {};
  for (const line of lines) {
    const productId = num(line.productId);
    const text = byProduct.get(productId);
    if (!text) continue;
    const reading = readMoney(text, currency);
    if (reading.ok) read.set(productId, reading.minor);
    else fieldErrors[`target.${productId}`] = [`${productLabel(line)}: ${reading.message}`];
  }
  const messages = Object.values(fieldErrors).flat();
  if (messages.length) throw new Refusal(messages.length === 1 ? messages[0]! : 'Some target prices are not amounts.', { code: 'invalid', fieldErrors });
  return read;
}
