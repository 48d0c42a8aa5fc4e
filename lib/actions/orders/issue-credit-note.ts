'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { issueCreditNote } from '@/db/queries/invoices/issue-credit-note';
import { ok, staffAction } from '@/lib/actions';
import { formatMoney } from '@/lib/money';
import { issueCreditNoteSchema } from '@/lib/validation/orders';

/** Issues a credit note against an invoice (at most what is left to credit), with a reason. */
export const issueCreditNoteAction = staffAction('issueCreditNoteAction', 'staff', issueCreditNoteSchema, async (input, staff) => {
  const note = await issueCreditNote(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    invoiceNumber: input.invoiceNumber,
    amount: input.amount,
    reason: input.reason,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(
    { number: note.number },
    `Credit note ${note.number} of ${formatMoney(note.amount, note.currency, staff.locale)} issued against invoice ${input.invoiceNumber}; ${formatMoney(note.leftToCredit, note.currency, staff.locale)} left to credit.`,
  );
});
