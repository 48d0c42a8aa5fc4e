import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { creditNotes } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { nextDocumentNumber } from '../document-numbers';
import { Refusal } from '@/lib/refusal';
import { formatMoney, readMoney } from '@/lib/money';
import { isoDay } from '@/lib/format/dates';
import { lockOrder } from '../orders/lock-order';
import { lockInvoice } from '../orders/order-invoices';

export type IssueCreditNoteParams = {
  sellerId: number;
  orderNumber: number;
  invoiceNumber: number;
  /** As typed, read in the invoice's currency. */
  amount: string;
  reason: string;
  actor: StaffActor;
};

/**
 * Issues a credit note against an invoice: at most what is left to credit of
 * it (its total minus earlier credit notes), with a reason, numbered from the
 * invoice counter. A void invoice takes no credit note (it is already void).
 */
export async function issueCreditNote(db: DbOrTx, params: IssueCreditNoteParams) {
  const { sellerId } = params;
  const reason = params.reason.trim();
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const invoice = await lockInvoice(tx, { order, invoiceNumber: params.invoiceNumber });
    if (invoice.voidedAt) throw new Refusal(`Invoice ${invoice.number} is void; a void invoice takes no credit note.`, { code: 'conflict' });
    const [credited] = await tx
      .select({ sum: sql<string>`coalesce(sum(${creditNotes.amount}), 0)::text` })
      .from(creditNotes)
      .where(and(eq(creditNotes.sellerId, sellerId), eq(creditNotes.invoiceId, invoice.id)));
    const left = invoice.total - Number(credited?.sum ?? 0);

    const errors: Record<string, string[]> = {};
    const reading = readMoney(params.amount, invoice.currency);
    if (!reading.ok) errors.amount = [reading.message];
    else if (reading.minor <= 0) errors.amount = ['Enter an amount above zero.'];
    else if (reading.minor > left) {
      errors.amount = [
        left > 0
          ? `At most ${formatMoney(left, invoice.currency)} is left to credit on invoice ${invoice.number}.`
          : `Invoice ${invoice.number} is fully credited already.`,
      ];
    }
    if (!reason) errors.reason = ['Give a reason for the credit note.'];
    if (Object.keys(errors).length || !reading.ok) {
      throw new Refusal(Object.values(errors)[0]![0]!, { code: 'invalid', fieldErrors: errors });
    }

    const number = await nextDocumentNumber(tx, { sellerId, kind: 'invoice' });
    const [note] = await tx
      .insert(creditNotes)
      .values({ sellerId, number, invoiceId: invoice.id, amount: reading.minor, currency: invoice.currency, reason, issuedOn: isoDay(new Date()) })
      .returning();
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'invoice.credit_note',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, invoiceNumber: invoice.number, creditNoteNumber: number, amount: reading.minor, reason },
    });
    return { ...note!, leftToCredit: left - reading.minor };
  });
}
