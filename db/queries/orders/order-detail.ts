import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  auditEntries,
  devices,
  inventoryStatuses,
  invoices,
  orderStatuses,
  organizations,
  paymentMethods,
  portalAccounts,
  products,
  salesChannels,
  salesOrderLines,
  salesOrders,
  staffUsers,
  warehouses,
} from '@/db/schema';
import { describeProduct } from '@/lib/products';

/**
 * Everything the order page shows, for one order of one seller by its
 * number: header, lines with committed counts, the committed devices, the
 * invoices and the order's history. Null when the seller has no such order.
 */
export async function findOrderByNumber(db: DbOrTx, params: { sellerId: number; number: number }) {
  const { sellerId } = params;
  const [order] = await db
    .select({
      id: salesOrders.id,
      number: salesOrders.number,
      createdAt: salesOrders.createdAt,
      updatedAt: salesOrders.updatedAt,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
      organizationId: salesOrders.organizationId,
      organizationName: organizations.name,
      organizationEmail: organizations.email,
      statusId: salesOrders.statusId,
      statusName: orderStatuses.name,
      statusColor: orderStatuses.color,
      allowsCommitting: orderStatuses.allowsCommitting,
      channelName: salesChannels.name,
      paymentMethodId: salesOrders.paymentMethodId,
      paymentMethodName: paymentMethods.name,
      placedByAccountName: portalAccounts.name,
      placedByStaffName: staffUsers.name,
    })
    .from(salesOrders)
    .innerJoin(organizations, eq(organizations.id, salesOrders.organizationId))
    .innerJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
    .innerJoin(salesChannels, eq(salesChannels.id, salesOrders.channelId))
    .leftJoin(paymentMethods, eq(paymentMethods.id, salesOrders.paymentMethodId))
    .leftJoin(portalAccounts, eq(portalAccounts.id, salesOrders.placedByAccountId))
    .leftJoin(staffUsers, eq(staffUsers.id, salesOrders.placedByStaffId))
    .where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.number, params.number)))
    .limit(1);
  if (!order) return null;

  const lineRows = await db
    .select({ line: salesOrderLines, product: products })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id));
  const lineIds = lineRows.map((r) => r.line.id);

  const committed = lineIds.length
    ? await db
        .select({
          id: devices.id,
          imei: devices.imei,
          serial: devices.serial,
          orderLineId: devices.orderLineId,
          committedAt: devices.committedAt,
          statusName: inventoryStatuses.name,
          warehouseCode: warehouses.code,
        })
        .from(devices)
        .innerJoin(inventoryStatuses, eq(inventoryStatuses.id, devices.statusId))
        .innerJoin(warehouses, eq(warehouses.id, devices.warehouseId))
        .where(and(eq(devices.sellerId, sellerId), inArray(devices.orderLineId, lineIds)))
        .orderBy(asc(devices.committedAt), asc(devices.id))
    : [];

  const lines = lineRows.map(({ line, product }) => {
    const lineDevices = committed.filter((d) => d.orderLineId === line.id);
    return {
      id: line.id,
      productId: product.id,
      sku: product.sku,
      description: describeProduct(product),
      listPrice: product.listPrice,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      amount: (line.unitPrice ?? 0) * line.quantity,
      committedCount: lineDevices.length,
      devices: lineDevices,
    };
  });

  const orderInvoices = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      total: invoices.total,
      currency: invoices.currency,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      paidAt: invoices.paidAt,
      emailedAt: invoices.emailedAt,
    })
    .from(invoices)
    .where(and(eq(invoices.sellerId, sellerId), eq(invoices.orderId, order.id)))
    .orderBy(asc(invoices.number));

  const history = await db
    .select({
      id: auditEntries.id,
      actorLabel: auditEntries.actorLabel,
      action: auditEntries.action,
      details: auditEntries.details,
      createdAt: auditEntries.createdAt,
    })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, sellerId),
        eq(auditEntries.entityType, 'sales_order'),
        eq(auditEntries.entityId, order.id),
      ),
    )
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(50);

  return {
    order: { ...order, placedBy: order.placedByAccountName ?? order.placedByStaffName ?? null },
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    hasUnpriced: lines.some((l) => l.unitPrice === null),
    invoices: orderInvoices,
    history,
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrderByNumber>>>;
export type OrderDetailLine = OrderDetail['lines'][number];
