'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { shortLineNames, type CheckoutRefusal } from '@/db/queries/checkout';
import { acceptQuote } from '@/db/queries/quotes/accept-quote';
import { fail, ok, portalAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { acceptQuoteSchema } from '@/lib/validation/quotes';

/** The buyer accepts an answered quote: one order at the quoted prices; a second accept answers with the same order. */
export const acceptQuoteAction = portalAction('acceptQuoteAction', acceptQuoteSchema, async (input, customer) => {
  try {
    const accepted = await acceptQuote(await getDb(), {
      ...input,
      sellerId: customer.sellerId,
      organizationId: customer.organizationId,
      portalAccountId: customer.portalAccountId,
    });
    const base = `/p/${customer.portal.slug}`;
    revalidatePath(`${base}/quotes`);
    revalidatePath(`${base}/quotes/${accepted.quoteNumber}`);
    revalidatePath(`${base}/orders`);
    return ok(
      accepted,
      accepted.alreadyAccepted
        ? `Quote ${accepted.quoteNumber} was already accepted: order ${accepted.orderNumber}.`
        : `Quote ${accepted.quoteNumber} accepted: order ${accepted.orderNumber} is placed.`,
    );
  } catch (error) {
    // As at checkout: the short lines are listed, by name, under one message.
    if (!isRefusal(error) || error.code !== 'short') throw error;
    const { shortLines } = (error as CheckoutRefusal).details;
    return fail('Some lines are above what is available now, so this quote cannot be ordered as it is. Ask for a new quote for what is available.', {
      lines: shortLineNames(shortLines),
    });
  }
});
