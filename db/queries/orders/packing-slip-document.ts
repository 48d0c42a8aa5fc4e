import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalSettings, salesOrders, sellers } from '@/db/schema';
import { DEFAULT_BRAND_COLOR } from '@/lib/brand';
import type { PackingSlipDocument } from '@/lib/packing-slips/document';
import { describeProduct } from '@/lib/products';
import { committedDevices, orderLineRows } from './order-contents';
import { listOrderShipments } from './order-shipments';

/**
 * The packing slip of one of the seller's orders, by its number: the seller's
 * company block, the order's facts and ship-to snapshot, each line with what
 * is committed to it, and the shipments. Null when the seller has no such order.
 */
export async function findPackingSlipDocument(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number },
): Promise<PackingSlipDocument | null> {
  const { sellerId } = params;
  const [row] = await db
    .select({
      orderId: salesOrders.id,
      orderNumber: salesOrders.number,
      orderedAt: salesOrders.createdAt,
      poNumber: salesOrders.poNumber,
      shipTo: salesOrders.shipTo,
      organizationName: organizations.name,
      sellerName: sellers.name,
      legalName: sellers.legalName,
      sellerAddress: sellers.address,
      taxId: sellers.taxId,
      contactEmail: sellers.contactEmail,
      contactPhone: sellers.contactPhone,
      locale: sellers.locale,
      timeZone: sellers.timeZone,
      displayName: portalSettings.displayName,
      brandColor: portalSettings.brandColor,
    })
    .from(salesOrders)
    .innerJoin(organizations, and(eq(organizations.id, salesOrders.organizationId), eq(organizations.sellerId, sellerId)))
    .innerJoin(sellers, eq(sellers.id, salesOrders.sellerId))
    .leftJoin(portalSettings, eq(portalSettings.sellerId, salesOrders.sellerId))
    .where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.number, params.orderNumber)))
    .limit(1);
  if (!row) return null;

  const scope = { sellerId, orderId: row.orderId };
  const lineRows = await orderLineRows(db, scope);
  const committed = await committedDevices(db, { sellerId, lineIds: lineRows.map((r) => r.line.id) });
  const shipments = await listOrderShipments(db, scope);

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
    orderNumber: row.orderNumber,
    orderedAt: row.orderedAt,
    poNumber: row.poNumber,
    organizationName: row.organizationName,
    shipTo: row.shipTo ?? null,
    lines: lineRows.map(({ line, product }) => {
      const identifiers = committed
        .filter((d) => d.orderLineId === line.id)
        .map((d) => d.imei ?? d.serial ?? '')
        .filter(Boolean);
      return {
        description: describeProduct(product),
        sku: product.sku,
        quantity: line.quantity,
        committed: committed.filter((d) => d.orderLineId === line.id).length,
        identifiers,
      };
    }),
    shipments: shipments.map((s) => ({ carrierName: s.carrierName, trackingNumber: s.trackingNumber })),
  };
}
