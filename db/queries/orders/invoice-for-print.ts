import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { invoiceLines, invoices, organizations, portalLogos, portalSettings, products, salesOrders, sellers } from '@/db/schema';
import { portalLogoPath } from '@/lib/portal/logo-path';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';

/** An invoice of one of the seller's orders, with what a printed invoice shows. Null when not found. */
export async function findInvoiceForPrint(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; invoiceNumber: number },
) {
  const [row] = await db
    .select({
      invoice: invoices,
      orderNumber: salesOrders.number,
      orderDate: salesOrders.createdAt,
      poNumber: salesOrders.poNumber,
      organizationName: organizations.name,
      organizationEmail: organizations.email,
      organizationPhone: organizations.phone,
      billingAddress: organizations.billingAddress,
      shippingAddress: organizations.shippingAddress,
      sellerName: sellers.name,
      sellerSlug: sellers.slug,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
      logoSha256: portalLogos.sha256,
    })
    .from(invoices)
    .innerJoin(salesOrders, eq(salesOrders.id, invoices.orderId))
    .innerJoin(organizations, eq(organizations.id, salesOrders.organizationId))
    .innerJoin(sellers, eq(sellers.id, invoices.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, invoices.sellerId))
    .leftJoin(portalLogos, eq(portalLogos.sellerId, invoices.sellerId))
    .where(
      and(
        eq(invoices.sellerId, params.sellerId),
        eq(invoices.number, params.invoiceNumber),
        eq(salesOrders.number, params.orderNumber),
      ),
    )
    .limit(1);
  if (!row) return null;
  const lines = await db
    .select({ line: invoiceLines, sku: products.sku })
    .from(invoiceLines)
    .leftJoin(products, eq(products.id, invoiceLines.productId))
    .where(eq(invoiceLines.invoiceId, row.invoice.id))
    .orderBy(asc(invoiceLines.position), asc(invoiceLines.id));
  return {
    ...row,
    sellerDisplayName: row.displayName || row.sellerName,
    brandColor: row.brandColor ?? DEFAULT_BRAND_COLOR,
    logoPath: row.logoSha256 ? portalLogoPath({ slug: row.sellerSlug, sha256: row.logoSha256 }) : null,
    lines: lines.map(({ line, sku }) => ({ ...line, sku })),
  };
}

export type InvoiceForPrint = NonNullable<Awaited<ReturnType<typeof findInvoiceForPrint>>>;
