import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { quoteLines, quotes } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { quoteAnswerEmail } from '@/lib/email/templates/quotes';
import { readMoney } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { portalUrl } from '@/lib/public-url';
import { Refusal } from '@/lib/refusal';
import type { AnswerQuoteValues } from '@/lib/validation/quotes';
import { recordAudit, type StaffActor } from '../audit';
import { closedQuoteRefusal, emailLines, lockQuote, quoteAudience, quoteLinesOf, today } from './quote-parts';

export type AnswerQuoteParams = AnswerQuoteValues & { sellerId: number; actor: StaffActor };

/** A real calendar day written YYYY-MM-DD (the form's date input), not 2026-02-31. */
function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Staff answer a quote: a unit price for every line, the last day the prices
 * hold (today or later) and a note. Answering again before the buyer accepts
 * replaces the answer (the audit entry says so). The buyer is emailed in the
 * same transaction.
 */
export async function answerQuote(db: DbOrTx, params: AnswerQuoteParams) {
  return db.transaction(async (tx) => {
    const { sellerId } = params;
    const quote = await lockQuote(tx, { sellerId, number: params.number });
    if (quote.status !== 'requested' && quote.status !== 'answered' && quote.status !== 'expired') throw closedQuoteRefusal(quote);

    const fieldErrors: Record<string, string[]> = {};
    if (!isCalendarDay(params.validUntil)) fieldErrors.validUntil = ['Choose the date the prices hold until.'];
    else {
      const [row] = await queryRows<{ past: boolean }>(tx, sql`select ${params.validUntil}::date < ${today} as past`);
      if (row?.past) fieldErrors.validUntil = ['The prices must hold until today or later.'];
    }

    const audience = await quoteAudience(tx, { sellerId, portalAccountId: quote.portalAccountId });
    const lines = await quoteLinesOf(tx, { sellerId, quoteId: quote.id });
    const typed = new Map(params.prices.map((p) => [p.lineId, p.price.trim()]));
    const prices = new Map<number, number>();
    for (const line of lines) {
      const text = typed.get(line.id);
      if (!text) {
        fieldErrors[`price.${line.id}`] = [`Enter a unit price for ${productLabel(line)}.`];
        continue;
      }
      const reading = readMoney(text, audience.currency);
      if (reading.ok) prices.set(line.id, reading.minor);
      else fieldErrors[`price.${line.id}`] = [`${productLabel(line)}: ${reading.message}`];
    }
    const messages = Object.values(fieldErrors).flat();
    if (messages.length) {
      throw new Refusal(messages.length === 1 ? messages[0]! : 'Price every line and choose a date from today on.', { code: 'invalid', fieldErrors });
    }

    for (const line of lines) {
      await tx
        .update(quoteLines)
        .set({ quotedUnitPrice: prices.get(line.id)! })
        .where(and(eq(quoteLines.id, line.id), eq(quoteLines.sellerId, sellerId)));
    }
    const replaced = quote.status !== 'requested';
    const now = new Date();
    await tx
      .update(quotes)
      .set({
        status: 'answered',
        validUntil: params.validUntil,
        staffNote: params.note,
        answeredAt: now,
        answeredByStaffId: params.actor.staffUserId,
        updatedAt: now,
      })
      .where(and(eq(quotes.id, quote.id), eq(quotes.sellerId, sellerId)));

    const answered = lines.map((l) => ({ ...l, quotedUnitPrice: prices.get(l.id)! }));
    const total = answered.reduce((sum, l) => sum + l.quotedUnitPrice * l.quantity, 0);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'quote.answer',
      entityType: 'quote',
      entityId: quote.id,
      details: { number: quote.number, total, validUntil: params.validUntil, replaced, organization: audience.buyer.organizationName },
    });
    const email = quoteAnswerEmail({
      brand: audience.brand,
      quoteNumber: quote.number,
      organizationName: audience.buyer.organizationName,
      currency: audience.currency,
      url: portalUrl(audience.brand.portal, `/quotes/${quote.number}`),
      lines: emailLines(answered),
      validUntil: params.validUntil,
      note: params.note,
      replaced,
    });
    await enqueueEmail(tx, { sellerId, kind: 'quote_answer', to: audience.buyer.email, ...email });
    return { number: quote.number, total, replaced };
  });
}
