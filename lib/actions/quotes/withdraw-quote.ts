'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { withdrawQuote } from '@/db/queries/quotes/withdraw-quote';
import { ok, staffAction } from '@/lib/actions';
import { quoteRefSchema } from '@/lib/validation/quotes';

/** Staff withdraw a quote before it is accepted; the buyer is emailed. */
export const withdrawQuoteAction = staffAction('withdrawQuoteAction', 'staff', quoteRefSchema, async (input, staff) => {
  const result = await withdrawQuote(await getDb(), { sellerId: staff.sellerId, number: input.number, actor: staff.actor });
  revalidatePath('/admin/quotes');
  revalidatePath(`/admin/quotes/${result.number}`);
  return ok(result, `Quote ${result.number} is withdrawn. The buyer was emailed.`);
});
