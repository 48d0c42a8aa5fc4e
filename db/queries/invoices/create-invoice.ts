import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  invoiceLines,
  invoices,
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
import { nextDocumentNumber } from '../document-numbers';
import { Refusal } from '@/lib/refusal';
import { findSellerBrand } from '../seller-brand';
import { isoDay } from '@/lib/format/dates';

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Creates the next invoice of an order from its current lines: per-seller
 * number, the order's payment method and its instructions (snapshotted), due
 * date from the seller's terms. Lines without a price count as zero and stay
 * marked "to be quoted". Run inside the transaction that needs it.
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
          .select()
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

  const invoiceLineValues = lines.map(({ line, product }, position) => ({
    productId: product.id,
    description: describeProduct(product),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amount: lineAmount(line),
    position,
  }));
  const total = invoiceLineValues.reduce((sum, l) => sum + l.amount, 0);
  // Orders are refused past the bound when their lines are written; this only guards older rows.
  const tooLarge = totalProblem(total, order.currency);
  if (tooLarge) throw new Refusal(tooLarge);
  const issuedOn = params.today ?? isoDay(new Date());
  const number = await nextDocumentNumber(tx, { sellerId: params.sellerId, kind: 'invoice' });
  const [invoice] = await tx
    .insert(invoices)
    .values({
      sellerId: params.sellerId,
      number,
      orderId: order.id,
      paymentMethodId: method?.id ?? null,
      paymentMethodName: method?.name ?? null,
      paymentInstructions: method?.instructions ?? '',
      total,
      currency: order.currency,
      issuedOn,
      dueOn: addDays(issuedOn, order.dueDays ?? 30),
    })
    .returning();
  if (invoiceLineValues.length) {
    await tx.insert(invoiceLines).values(invoiceLineValues.map((l) => ({ ...l, invoiceId: invoice!.id })));
  }
  return invoice!;
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
  const email = invoiceEmail({
    brand: { name: brand.name, color: brand.color },
    invoiceNumber: row.invoice.number,
    orderNumber: row.orderNumber,
    organizationName: row.organizationName,
    poNumber: row.poNumber,
    currency: row.invoice.currency,
    issuedOn: row.invoice.issuedOn,
    dueOn: row.invoice.dueOn,
    paymentMethodName: row.invoice.paymentMethodName,
    paymentInstructions: row.invoice.paymentInstructions,
    total: row.invoice.total,
    lines: lines.map(({ line, sku }) => ({
      description: line.description,
      sku,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: line.amount,
    })),
    orderUrl: portalUrl(brand.portal, `/orders/${row.orderNumber}`),
    invoicePdfUrl: portalUrl(brand.portal, `/orders/${row.orderNumber}/invoices/${row.invoice.number}/pdf`),
  });
  const id = await enqueueEmail(tx, { sellerId: params.sellerId, kind: 'invoice', to, ...email });
  await tx.update(invoices).set({ emailedAt: new Date() }).where(eq(invoices.id, row.invoice.id));
  return id;
}
