import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalAccounts, salesOrders } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { orderShippedEmail } from '@/lib/email/templates/order-shipped';
import { orderStatusEmail } from '@/lib/email/templates/order-status';
import { describeProduct } from '@/lib/products';
import { portalUrl } from '@/lib/public-url';
import { isShippingStatus } from '@/lib/shipments/carriers';
import { emailBrand, findSellerBrand } from '../seller-brand';
import { committedDevices, orderLineRows } from './order-contents';
import { listOrderShipments } from './order-shipments';

/** The status an order just entered, as the buyer emails need it. */
export type EnteredStatus = { name: string; isOpen: boolean; allowsCommitting: boolean; emailBuyer: boolean };

/**
 * The buyer emails of an order entering a status, queued in the transaction
 * of the change (so a retried change, which finds the order already there,
 * queues nothing): "your order has shipped" when the status ships and the
 * order has tracking numbers, otherwise "order N is now <status>" when the
 * status is set to email the buyer. The placing buyer receives it, or the
 * organization's email when staff placed the order. Returns the kind queued.
 */
export async function queueOrderStatusEmail(
  tx: DbOrTx,
  params: { sellerId: number; orderId: number; status: EnteredStatus },
): Promise<'order_shipped' | 'order_status' | null> {
  const { sellerId, orderId, status } = params;
  const shipments = isShippingStatus(status) ? await listOrderShipments(tx, { sellerId, orderId }) : [];
  if (!shipments.length && !status.emailBuyer) return null;
  const order = await orderRecipient(tx, { sellerId, orderId });
  if (!order?.to) return null;
  const brand = await findSellerBrand(tx, sellerId);
  const common = {
    brand: emailBrand(brand),
    orderNumber: order.number,
    organizationName: order.organizationName,
    poNumber: order.poNumber,
    orderUrl: portalUrl(brand.portal, `/orders/${order.number}`),
  };
  if (shipments.length) {
    const lineRows = await orderLineRows(tx, { sellerId, orderId });
    const devices = await committedDevices(tx, { sellerId, lineIds: lineRows.map((r) => r.line.id) });
    const email = orderShippedEmail({
      ...common,
      shipments,
      lines: lineRows.map(({ line, product }) => ({
        description: describeProduct(product),
        sku: product.sku,
        quantity: line.quantity,
        identifiers: devices.filter((d) => d.orderLineId === line.id).map((d) => d.imei ?? d.serial ?? ''),
      })),
    });
    await enqueueEmail(tx, { sellerId, kind: 'order_shipped', to: order.to, ...email });
    return 'order_shipped';
  }
  const email = orderStatusEmail({ ...common, statusName: status.name });
  await enqueueEmail(tx, { sellerId, kind: 'order_status', to: order.to, ...email });
  return 'order_status';
}

/** Who hears about an order: the placing portal account, else the organization's email (null: nobody to tell). */
async function orderRecipient(tx: DbOrTx, params: { sellerId: number; orderId: number }) {
  const [row] = await tx
    .select({
      number: salesOrders.number,
      poNumber: salesOrders.poNumber,
      organizationName: organizations.name,
      organizationEmail: organizations.email,
      accountEmail: portalAccounts.email,
    })
    .from(salesOrders)
    .innerJoin(organizations, and(eq(organizations.id, salesOrders.organizationId), eq(organizations.sellerId, params.sellerId)))
    .leftJoin(portalAccounts, and(eq(portalAccounts.id, salesOrders.placedByAccountId), eq(portalAccounts.sellerId, params.sellerId)))
    .where(and(eq(salesOrders.id, params.orderId), eq(salesOrders.sellerId, params.sellerId)))
    .limit(1);
  if (!row) return null;
  return { ...row, to: row.accountEmail ?? row.organizationEmail };
}
