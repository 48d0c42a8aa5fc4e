import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  invoiceLines,
  invoices,
  type Invoice,
  organizations,
  paymentMethods,
  portalAccounts,
  portalSettings,
  products,
  salesOrderLines,
  salesOrders,
  sellers,
} from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { lineAmount, totalProblem } from '@/lib/money';
import { enqueueEmail } from '@/lib/email/outbox';
import { invoiceEmail } from '@/lib/email/templates/invoice';
import { portalUrl } from '@/lib/public-url';
import { documentNumber } from '../document-numbers';
import { Refusal } from '@/lib/refusal';
import { emailBrand, findSellerBrand, type SellerBrand } from '../seller-brand';
import { isoDay } from '@/lib/format/dates';

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A payment method as an invoice snapshots it. */
type InvoicedMethod = { id: number; name: string; instructions: string };

/** An invoice of an order before it has a number: its lines, total, payment method and dates. */
export type InvoiceDraft = {
  sellerId: number;
  orderId: number;
  currency: string;
  method: InvoicedMethod | null;
  total: number;
  issuedOn: string;
  dueOn: string;
  lines: { productId: number; description: string; quantity: number; unitPrice: number | null; amount: number; position: number }[];
};

/**
 * What an order's next invoice holds, from its lines: lines without a price
 * count as zero and stay marked "to be quoted"; due date from the seller's
 * terms. Refused when the total does not fit.
 */
export function invoiceDraft(params: {
  sellerId: number;
  orderId: number;
  currency: string;
  dueDays: number | null;
  method: InvoicedMethod | null;
  lines: { productId: number; description: string; quantity: number; unitPrice: number | null }[];
  today?: string;
}): InvoiceDraft {
  const lines = params.lines.map((l, position) => ({ ...l, amount: lineAmount(l), position }));
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  // Orders are refused past the bound when their lines are written; this only guards older rows.
  const tooLarge = totalProblem(total, params.currency);
  if (tooLarge) throw new Refusal(tooLarge);
  const issuedOn = params.today ?? isoDay(new Date());
  return {
    sellerId: params.sellerId,
    orderId: params.orderId,
    currency: params.currency,
    method: params.method,
    total,
    issuedOn,
    dueOn: addDays(issuedOn, params.dueDays ?? 30),
    lines,
  };
}

/** Writes the invoice row, numbered in its own INSERT; `emailed` when its email is queued in the same transaction. */
export async function insertInvoiceRow(tx: DbOrTx, draft: InvoiceDraft, options: { emailed?: boolean } = {}) {
  const [invoice] = await tx
    .insert(invoices)
    .values({
      sellerId: draft.sellerId,
      number: documentNumber({ sellerId: draft.sellerId, kind: 'invoice' }),
      orderId: draft.orderId,
      paymentMethodId: draft.method?.id ?? null,
      paymentMethodName: draft.method?.name ?? null,
      paymentInstructions: draft.method?.instructions ?? '',
      total: draft.total,
      currency: draft.currency,
      issuedOn: draft.issuedOn,
      dueOn: draft.dueOn,
      ...(options.emailed ? { emailedAt: new Date() } : {}),
    })
    .returning();
  return invoice!;
}

export async function insertInvoiceLines(tx: DbOrTx, invoiceId: number, draft: InvoiceDraft): Promise<void> {
  if (!draft.lines.length) return;
  await tx.insert(invoiceLines).values(
    draft.lines.map((l) => ({
      invoiceId,
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      amount: l.amount,
      position: l.position,
    })),
  );
}

/**
 * Creates the next invoice of an order from its current lines: per-seller
 * number, the order's payment method and its instructions (snapshotted), due
 * date from the seller's terms. Run inside the transaction that needs it.
 */
export async function createInvoiceForOrder(
  tx: DbOrTx,
  params: { sellerId: number; orderId: number; today?: string },
) {
  const [order] = await tx
    .select({
      id: salesOrders.id,
      paymentMethodId: salesOrders.paymentMethodId,
      currency: sellers.currency,
      dueDays: portalSettings.invoiceDueDays,
    })
    .from(salesOrders)
    .innerJoin(sellers, eq(sellers.id, salesOrders.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, salesOrders.sellerId))
    .where(and(eq(salesOrders.id, params.orderId), eq(salesOrders.sellerId, params.sellerId)))
    .limit(1);
  if (!order) throw new Error(`Order ${params.orderId} not found for seller ${params.sellerId}`);

  const method = order.paymentMethodId
    ? (
        await tx
          .select({ id: paymentMethods.id, name: paymentMethods.name, instructions: paymentMethods.instructions })
          .from(paymentMethods)
          .where(and(eq(paymentMethods.id, order.paymentMethodId), eq(paymentMethods.sellerId, params.sellerId)))
      )[0]
    : undefined;

  const lines = await tx
    .select({ line: salesOrderLines, product: products })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(and(eq(salesOrderLines.orderId, order.id), eq(salesOrderLines.sellerId, params.sellerId)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id));

  const draft = invoiceDraft({
    sellerId: params.sellerId,
    orderId: order.id,
    currency: order.currency,
    dueDays: order.dueDays,
    method: method ?? null,
    lines: lines.map(({ line, product }) => ({
      productId: product.id,
      description: describeProduct(product),
      quantity: line.quantity,
      unitPrice: line.unitPrice,
    })),
    today: params.today,
  });
  const invoice = await insertInvoiceRow(tx, draft);
  await insertInvoiceLines(tx, invoice.id, draft);
  return invoice;
}

/** The invoice email (products and quantities, never IMEIs) of an invoice and its lines. */
export function invoiceEmailFor(params: {
  brand: SellerBrand;
  invoice: Pick<Invoice, 'number' | 'currency' | 'issuedOn' | 'dueOn' | 'paymentMethodName' | 'paymentInstructions' | 'total'>;
  orderNumber: number;
  organizationName: string;
  poNumber: string | null;
  lines: { description: string; sku: string | null; quantity: number; unitPrice: number | null; amount: number }[];
}) {
  const { brand, invoice, orderNumber } = params;
  return invoiceEmail({
    brand: emailBrand(brand),
    invoiceNumber: invoice.number,
    orderNumber,
    organizationName: params.organizationName,
    poNumber: params.poNumber,
    currency: invoice.currency,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    paymentMethodName: invoice.paymentMethodName,
    paymentInstructions: invoice.paymentInstructions,
    total: invoice.total,
    lines: params.lines,
    orderUrl: portalUrl(brand.portal, `/orders/${orderNumber}`),
    invoicePdfUrl: portalUrl(brand.portal, `/orders/${orderNumber}/invoices/${invoice.number}/pdf`),
  });
}

/**
 * Queues the invoice email (products and quantities, never IMEIs) to the
 * account that placed the order, else the organization's email, and marks the
 * invoice emailed. Returns the outbox message id, or null when there is no
 * address to send to.
 */
export async function queueInvoiceEmail(
  tx: DbOrTx,
  params: { sellerId: number; invoiceId: number },
): Promise<number | null> {
  const [row] = await tx
    .select({
      invoice: invoices,
      orderNumber: salesOrders.number,
      poNumber: salesOrders.poNumber,
      organizationName: organizations.name,
      organizationEmail: organizations.email,
      accountEmail: portalAccounts.email,
    })
    .from(invoices)
    .innerJoin(salesOrders, eq(salesOrders.id, invoices.orderId))
    .innerJoin(organizations, eq(organizations.id, salesOrders.organizationId))
    .leftJoin(portalAccounts, eq(portalAccounts.id, salesOrders.placedByAccountId))
    .where(and(eq(invoices.id, params.invoiceId), eq(invoices.sellerId, params.sellerId)))
    .limit(1);
  if (!row) throw new Error(`Invoice ${params.invoiceId} not found for seller ${params.sellerId}`);
  const to = row.accountEmail ?? row.organizationEmail;
  if (!to) return null;

  const lines = await tx
    .select({ line: invoiceLines, sku: products.sku })
    .from(invoiceLines)
    .leftJoin(products, eq(products.id, invoiceLines.productId))
    .where(eq(invoiceLines.invoiceId, row.invoice.id))
    .orderBy(asc(invoiceLines.position));

  const brand = await findSellerBrand(tx, params.sellerId);
  const email = invoiceEmailFor({
    brand,
    invoice: row.invoice,
    orderNumber: row.orderNumber,
    organizationName: row.organizationName,
    poNumber: row.poNumber,
    lines: lines.map(({ line, sku }) => ({
      description: line.description,
      sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
  });
  const id = await enqueueEmail(tx, { sellerId: params.sellerId, kind: 'invoice', to, ...email });
  await tx.update(invoices).set({ emailedAt: new Date() }).where(eq(invoices.id, row.invoice.id));
  return id;
}
