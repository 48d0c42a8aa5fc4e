import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailMessages, invoices, salesOrderLines } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { createInvoiceForOrder, queueInvoiceEmail } from '../invoices/create-invoice';
import { Refusal } from '@/lib/refusal';
import { formatMoney } from '@/lib/money';
import { orderInvoicedState } from './order-contents';
import { lockOrder, type LockedOrder } from './lock-order';

const noAddress =
  'There is no email address to send the invoice to: the organization has no email and no portal account placed this order. Add an email to the organization first.';

/**
 * Creates the next invoice of an order from its current lines, and emails it
 * when asked, in one transaction. Once the order is fully invoiced (void
 * invoices do not count), another invoice is refused unless the caller says
 * staff confirmed it, naming the existing invoices and their amounts.
 */
export async function createOrderInvoice(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; email: boolean; confirmAnother?: boolean; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const [counted] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(salesOrderLines)
      .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)));
    if (!Number(counted?.n ?? 0)) throw new Refusal('This order has no lines to invoice.');
    const invoiced = await orderInvoicedState(tx, { sellerId, orderId: order.id });
    if (invoiced.fullyInvoiced && params.confirmAnother !== true) {
      throw new Refusal(
        `Order already invoiced: ${invoiced.invoices.map((i) => `${i.number}, ${formatMoney(i.total, i.currency)}`).join('; ')}. ` +
          'Confirm that you want another invoice, or void the existing one first.',
        { code: 'conflict', details: { invoices: invoiced.invoices } },
      );
    }
    const invoice = await createInvoiceForOrder(tx, { sellerId, orderId: order.id });
    if (params.email) {
      const messageId = await queueInvoiceEmail(tx, { sellerId, invoiceId: invoice.id });
      if (messageId === null) throw new Refusal(noAddress);
    }
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'invoice.create',
      entityType: 'sales_order',
      entityId: order.id,
      details: {
        number: order.number,
        invoiceNumber: invoice.number,
        total: invoice.total,
        emailed: params.email,
        ...(invoiced.fullyInvoiced ? { another: true, existing: invoiced.invoices.map((i) => i.number) } : {}),
      },
    });
    return invoice;
  });
}

/** An invoice of the locked order, locked too. */
export async function lockInvoice(tx: DbOrTx, params: { order: LockedOrder; invoiceNumber: number }) {
  const { order, invoiceNumber } = params;
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.sellerId, order.sellerId), eq(invoices.orderId, order.id), eq(invoices.number, invoiceNumber)))
    .for('update');
  if (!invoice) throw new Refusal(`Invoice ${invoiceNumber} is not an invoice of this order.`);
  return invoice;
}

/** Queues the invoice email (again) to the customer. */
export async function emailOrderInvoice(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; invoiceNumber: number; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const invoice = await lockInvoice(tx, { order, invoiceNumber: params.invoiceNumber });
    if (invoice.voidedAt) throw new Refusal(`Invoice ${invoice.number} is void; a void invoice is not emailed.`, { code: 'conflict' });
    const messageId = await queueInvoiceEmail(tx, { sellerId, invoiceId: invoice.id });
    if (messageId === null) throw new Refusal(noAddress);
    const [message] = await tx.select({ to: emailMessages.recipient }).from(emailMessages).where(eq(emailMessages.id, messageId));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'invoice.email',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, invoiceNumber: invoice.number, to: message?.to ?? null },
    });
    return { messageId };
  });
}

/** Marks an invoice paid (now) or unpaid again. */
export async function setInvoicePaid(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; invoiceNumber: number; paid: boolean; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const invoice = await lockInvoice(tx, { order, invoiceNumber: params.invoiceNumber });
    if (Boolean(invoice.paidAt) === params.paid) return invoice;
    if (params.paid && invoice.voidedAt) throw new Refusal(`Invoice ${invoice.number} is void and cannot be marked paid.`, { code: 'conflict' });
    const [updated] = await tx
      .update(invoices)
      .set({ paidAt: params.paid ? new Date() : null })
      .where(eq(invoices.id, invoice.id))
      .returning();
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: params.paid ? 'invoice.paid' : 'invoice.unpaid',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, invoiceNumber: invoice.number },
    });
    return updated!;
  });
}
