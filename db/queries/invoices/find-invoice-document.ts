import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  creditNotes,
  invoiceLines,
  invoices,
  organizations,
  portalLogos,
  portalSettings,
  products,
  salesOrderLines,
  salesOrders,
  sellers,
} from '@/db/schema';
import type { InvoiceDocument } from '@/lib/invoices/document';
import { describeProduct } from '@/lib/products';
import { portalLogoPath } from '@/lib/portal/logo-path';
import type { CustomerScope } from '@/db/queries/portal/scope';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';

/**
 * The one read model of an issued invoice: the customer's invoice page, the
 * staff print page and both PDFs render what this loader reads.
 *
 * An invoice of one of the organization's orders, addressed by order number
 * and invoice number. Null unless both belong to this organization at this
 * seller and to each other.
 */
export async function findCustomerInvoice(
  db: DbOrTx,
  params: CustomerScope & { orderNumber: number; invoiceNumber: number },
): Promise<InvoiceDocument | null> {
  return findInvoiceDocument(db, params);
}

/** The same document for the seller's staff: any organization of this seller. */
export async function findSellerInvoiceDocument(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; invoiceNumber: number },
): Promise<InvoiceDocument | null> {
  return findInvoiceDocument(db, { ...params, organizationId: null });
}

/** Who may read the invoice: the seller's staff (any organization), or one organization of it. */
type InvoiceScope = { sellerId: number; organizationId: number | null; orderNumber: number; invoiceNumber: number };

async function findInvoiceDocument(db: DbOrTx, params: InvoiceScope): Promise<InvoiceDocument | null> {
  const { sellerId, organizationId } = params;
  const [row] = await db
    .select({
      invoice: invoices,
      orderNumber: salesOrders.number,
      orderedAt: salesOrders.createdAt,
      poNumber: salesOrders.poNumber,
      organizationName: organizations.name,
      organizationEmail: organizations.email,
      organizationPhone: organizations.phone,
      billingAddress: organizations.billingAddress,
      shipTo: salesOrders.shipTo,
      sellerName: sellers.name,
      sellerSlug: sellers.slug,
      legalName: sellers.legalName,
      sellerAddress: sellers.address,
      taxId: sellers.taxId,
      contactEmail: sellers.contactEmail,
      contactPhone: sellers.contactPhone,
      locale: sellers.locale,
      timeZone: sellers.timeZone,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
      logoSha256: portalLogos.sha256,
      logoWidth: portalLogos.width,
      logoHeight: portalLogos.height,
    })
    .from(invoices)
    .innerJoin(salesOrders, and(eq(salesOrders.id, invoices.orderId), eq(salesOrders.sellerId, sellerId)))
    .innerJoin(organizations, and(eq(organizations.id, salesOrders.organizationId), eq(organizations.sellerId, sellerId)))
    .innerJoin(sellers, eq(sellers.id, invoices.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, invoices.sellerId))
    .leftJoin(portalLogos, eq(portalLogos.sellerId, invoices.sellerId))
    .where(
      and(
        eq(invoices.sellerId, sellerId),
        eq(invoices.number, params.invoiceNumber),
        eq(salesOrders.number, params.orderNumber),
        organizationId === null ? undefined : eq(salesOrders.organizationId, organizationId),
      ),
    )
    .limit(1);
  if (!row) return null;

  const snapshot = await db
    .select({ line: invoiceLines, sku: products.sku })
    .from(invoiceLines)
    .leftJoin(products, and(eq(products.id, invoiceLines.productId), eq(products.sellerId, sellerId)))
    .where(eq(invoiceLines.invoiceId, row.invoice.id))
    .orderBy(asc(invoiceLines.position), asc(invoiceLines.id));
  const lines = snapshot.length
    ? snapshot.map(({ line, sku }) => ({
        description: line.description,
        sku: sku ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount,
      }))
    : await orderLinesAsInvoiceLines(db, { sellerId, orderId: row.invoice.orderId });

  const credits = await db
    .select({ number: creditNotes.number, issuedOn: creditNotes.issuedOn, amount: creditNotes.amount, reason: creditNotes.reason })
    .from(creditNotes)
    .where(and(eq(creditNotes.sellerId, sellerId), eq(creditNotes.invoiceId, row.invoice.id)))
    .orderBy(asc(creditNotes.number));

  return {
    sellerName: row.displayName || row.sellerName,
    company: {
      legalName: row.legalName || row.sellerName,
      address: row.sellerAddress,
      taxId: row.taxId,
      contactEmail: row.contactEmail,
      contactPhone: row.contactPhone,
    },
    format: { locale: row.locale, timeZone: row.timeZone },
    brandColor: row.brandColor ?? DEFAULT_BRAND_COLOR,
    logo: row.logoSha256
      ? { path: portalLogoPath({ slug: row.sellerSlug, sha256: row.logoSha256 }), width: row.logoWidth ?? 0, height: row.logoHeight ?? 0 }
      : null,
    invoiceNumber: row.invoice.number,
    orderNumber: row.orderNumber,
    orderedAt: row.orderedAt,
    poNumber: row.poNumber,
    organizationName: row.organizationName,
    organizationEmail: row.organizationEmail ?? null,
    organizationPhone: row.organizationPhone ?? null,
    billingAddress: row.billingAddress ?? null,
    shipTo: row.shipTo ?? null,
    issuedOn: row.invoice.issuedOn,
    dueOn: row.invoice.dueOn,
    paid: row.invoice.paidAt !== null,
    paidAt: row.invoice.paidAt,
    currency: row.invoice.currency,
    paymentMethodName: row.invoice.paymentMethodName,
    paymentInstructions: row.invoice.paymentInstructions,
    lines,
    total: row.invoice.total,
    voided: row.invoice.voidedAt ? { at: row.invoice.voidedAt, reason: row.invoice.voidReason ?? '' } : null,
    creditNotes: credits,
    balance: row.invoice.total - credits.reduce((sum, c) => sum + c.amount, 0),
  };
}

/**
 * Invoices issued without line snapshots (older imports, the demo history)
 * show the order's lines, which are what their total was computed from.
 */
async function orderLinesAsInvoiceLines(db: DbOrTx, params: { sellerId: number; orderId: number }) {
  const { sellerId, orderId } = params;
  const rows = await db
    .select({ line: salesOrderLines, product: products })
    .from(salesOrderLines)
    .innerJoin(products, and(eq(products.id, salesOrderLines.productId), eq(products.sellerId, sellerId)))
    .where(and(eq(salesOrderLines.orderId, orderId), eq(salesOrderLines.sellerId, sellerId)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id));
  return rows.map(({ line, product }) => ({
    description: describeProduct(product),
    sku: product.sku,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amount: (line.unitPrice ?? 0) * line.quantity,
  }));
}
