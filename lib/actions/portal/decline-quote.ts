'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { declineQuote } from '@/db/queries/quotes/decline-quote';
import { ok, portalAction } from '@/lib/actions';
import { quoteRefSchema } from '@/lib/validation/quotes';

/** The buyer declines a quote of their organization; the seller is emailed. */
export const declineQuoteAction = portalAction('declineQuoteAction', quoteRefSchema, async (input, customer) => {
  const result = await declineQuote(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    portalAccountId: customer.portalAccountId,
    number: input.number,
  });
  revalidatePath(`/p/${customer.portal.slug}/quotes`);
  revalidatePath(`/p/${customer.portal.slug}/quotes/${result.number}`);
  return ok(result, `Quote ${result.number} is declined.`);
});
