import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  devices,
  orderStatuses,
  paymentMethods,
  portalAccounts,
  products,
  salesChannels,
  salesOrderLines,
  salesOrders,
} from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { committedDevices, orderInvoiceRows, orderLineRows } from '@/db/queries/orders/order-contents';
import { listOrderShipments } from '@/db/queries/orders/order-shipments';
import { isCancelledStatus, type CustomerScope } from '@/db/queries/portal/scope';

/**
 * One order of the customer's organization by its number, with lines and
 * invoices. Null when the number is not an order of this organization at this
 * seller, so the page answers 404 exactly as for a number that does not exist.
 */
export async function findCustomerOrder(db: DbOrTx, params: CustomerScope & { number: number }) {
  const { sellerId, organizationId } = params;
  const [order] = await db
    .select({
      id: salesOrders.id,
      number: salesOrders.number,
      orderedAt: salesOrders.createdAt,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
      shipTo: salesOrders.shipTo,
      statusName: orderStatuses.name,
      statusColor: orderStatuses.color,
      cancelled: sql<boolean>`${isCancelledStatus(orderStatuses.name)}`,
      channelName: salesChannels.name,
      paymentMethodName: paymentMethods.name,
      placedByName: portalAccounts.name,
    })
    .from(salesOrders)
    .innerJoin(orderStatuses, and(eq(orderStatuses.id, salesOrders.statusId), eq(orderStatuses.sellerId, sellerId)))
    .innerJoin(salesChannels, and(eq(salesChannels.id, salesOrders.channelId), eq(salesChannels.sellerId, sellerId)))
    .leftJoin(paymentMethods, and(eq(paymentMethods.id, salesOrders.paymentMethodId), eq(paymentMethods.sellerId, sellerId)))
    .leftJoin(portalAccounts, eq(portalAccounts.id, salesOrders.placedByAccountId))
    .where(
      and(
        eq(salesOrders.sellerId, sellerId),
        eq(salesOrders.organizationId, organizationId),
        eq(salesOrders.number, params.number),
      ),
    )
    .limit(1);
  if (!order) return null;

  const scope = { sellerId, orderId: order.id };
  const [lineRows, invoiceRows, shipments] = await Promise.all([orderLineRows(db, scope), orderInvoiceRows(db, scope), listOrderShipments(db, scope)]);
  const committed = await committedDevices(db, { sellerId, lineIds: lineRows.map((r) => r.line.id) });
  const lines = lineRows.map(({ line, product }) => ({
    id: line.id,
    description: describeProduct(product),
    sku: product.sku,
    productId: product.id,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    amount: line.unitPrice === null ? null : line.unitPrice * line.quantity,
    committed: committed.filter((d) => d.orderLineId === line.id).length,
  }));
  return {
    ...order,
    lines,
    invoices: invoiceRows.map(({ number, issuedOn, dueOn, total, currency, paidAt, voidedAt, credited }) => ({
      number,
      issuedOn,
      dueOn,
      total,
      currency,
      paidAt,
      voidedAt,
      credited,
    })),
    /** Carrier, tracking number and tracking link of each parcel (not who recorded it). */
    shipments: shipments.map(({ id, carrierName, trackingNumber, trackingUrl }) => ({ id, carrierName, trackingNumber, trackingUrl })),
    items: lines.reduce((n, l) => n + l.quantity, 0),
    total: lines.reduce((n, l) => n + (l.amount ?? 0), 0),
    hasUnpriced: lines.some((l) => l.unitPrice === null),
    committedCount: lines.reduce((n, l) => n + l.committed, 0),
  };
}

export type CustomerOrder = NonNullable<Awaited<ReturnType<typeof findCustomerOrder>>>;

/**
 * The devices staff committed to one order of the organization, per line, for
 * the order page and its IMEI CSV. Empty for an order of anyone else.
 */
export async function customerOrderDevices(db: DbOrTx, params: CustomerScope & { number: number }) {
  const { sellerId, organizationId } = params;
  return db
    .select({
      lineId: salesOrderLines.id,
      imei: devices.imei,
      serial: devices.serial,
      /** The condition at the time of sale (the commit's snapshot), not later edits. */
      soldCondition: devices.soldCondition,
      product: {
        sku: products.sku,
        manufacturer: products.manufacturer,
        model: products.model,
        capacity: products.capacity,
        color: products.color,
        network: products.network,
        grade: products.grade,
      },
    })
    .from(salesOrders)
    .innerJoin(salesOrderLines, and(eq(salesOrderLines.orderId, salesOrders.id), eq(salesOrderLines.sellerId, sellerId)))
    .innerJoin(devices, and(eq(devices.orderLineId, salesOrderLines.id), eq(devices.sellerId, sellerId)))
    .innerJoin(products, and(eq(products.id, devices.productId), eq(products.sellerId, sellerId)))
    .where(
      and(
        eq(salesOrders.sellerId, sellerId),
        eq(salesOrders.organizationId, organizationId),
        eq(salesOrders.number, params.number),
      ),
    )
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id), asc(devices.imei), asc(devices.serial));
}

/** Whether an order number is one of the organization's (for downloads that must 404 otherwise). */
export async function customerOrderExists(db: DbOrTx, params: CustomerScope & { number: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: salesOrders.id })
    .from(salesOrders)
    .where(
      and(
        eq(salesOrders.sellerId, params.sellerId),
        eq(salesOrders.organizationId, params.organizationId),
        eq(salesOrders.number, params.number),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export type CustomerOrderDevice = Awaited<ReturnType<typeof customerOrderDevices>>[number];
