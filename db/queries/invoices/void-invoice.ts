import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { invoices } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { lockOrder } from '../orders/lock-order';
import { lockInvoice } from '../orders/order-invoices';

export type VoidInvoiceParams = { sellerId: number; orderNumber: number; invoiceNumber: number; reason: string; actor: StaffActor };

/**
 * Voids an invoice: it keeps its number and shows as Void everywhere, no
 * longer counts as invoiced, and cannot be marked paid. A paid invoice is
 * refused (mark it unpaid first, or issue a credit note).
 */
export async function voidInvoice(db: DbOrTx, params: VoidInvoiceParams) {
  const { sellerId } = params;
  const reason = params.reason.trim();
  if (!reason) throw new Refusal('Give a reason for voiding the invoice.', { code: 'invalid', fieldErrors: { reason: ['Give a reason.'] } });
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const invoice = await lockInvoice(tx, { order, invoiceNumber: params.invoiceNumber });
    if (invoice.voidedAt) throw new Refusal(`Invoice ${invoice.number} is already void.`, { code: 'conflict' });
    if (invoice.paidAt) {
      throw new Refusal(`Invoice ${invoice.number} is marked paid. Mark it unpaid before voiding it, or issue a credit note instead.`, {
        code: 'conflict',
      });
    }
    const [updated] = await tx
      .update(invoices)
      .set({ voidedAt: new Date(), voidReason: reason })
      .where(and(eq(invoices.id, invoice.id), eq(invoices.sellerId, sellerId)))
      .returning();
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'invoice.void',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, invoiceNumber: invoice.number, total: invoice.total, reason },
    });
    return updated!;
  });
}
