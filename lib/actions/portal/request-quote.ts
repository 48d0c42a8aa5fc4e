'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { requestQuote } from '@/db/queries/quotes/request-quote';
import { ok, portalAction } from '@/lib/actions';
import { requestQuoteSchema } from '@/lib/validation/quotes';

/** Turns the cart into a quote request; the same idempotency key always answers with the same quote. */
export const requestQuoteAction = portalAction('requestQuoteAction', requestQuoteSchema, async (input, customer) => {
  const db = await getDb();
  const scope = { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId };
  const quote = await requestQuote(db, { ...input, ...scope, organizationId: customer.organizationId });
  revalidatePath(`/p/${customer.portal.slug}/quotes`);
  return ok({ number: quote.number, alreadyRequested: quote.alreadyRequested, summary: await cartSummary(db, scope) });
});
