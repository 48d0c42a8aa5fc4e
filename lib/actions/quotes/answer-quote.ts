'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { answerQuote } from '@/db/queries/quotes/answer-quote';
import { ok, staffAction } from '@/lib/actions';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { answerQuoteSchema } from '@/lib/validation/quotes';

/** Staff price every line of a quote, set how long the prices hold and add a note; the buyer is emailed. */
export const answerQuoteAction = staffAction('answerQuoteAction', 'staff', answerQuoteSchema, async (input, staff) => {
  const result = await answerQuote(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  revalidatePath('/admin/quotes');
  revalidatePath(`/admin/quotes/${result.number}`);
  return ok(
    result,
    `Quote ${result.number} ${result.replaced ? 'updated' : 'answered'}: ${formatMoney(result.total, staff.currency, staff.locale)}, valid until ${formatDate(input.validUntil, staff)}. The buyer was emailed.`,
  );
});
