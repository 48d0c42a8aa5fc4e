import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  auditEntries,
  orderStatuses,
  organizations,
  paymentMethods,
  portalAccounts,
  salesChannels,
  salesOrders,
  staffUsers,
} from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { committedDevices, orderCreditNoteRows, orderInvoiceRows, orderLineRows } from './order-contents';
import { listOrderShipments } from './order-shipments';

/**
 * Everything the order page shows, for one order of one seller by its
 * number: header, lines with committed counts, the committed devices, the
 * invoices and the order's history. Null when the seller has no such order.
 */
export async function findOrderByNumber(db: DbOrTx, params: { sellerId: number; number: number }) {
  const { sellerId } = params;
  const order = await orderHeader(db, params);
  if (!order) return null;

  const scope = { sellerId, orderId: order.id };
  const lineRows = await orderLineRows(db, scope);
  const committed = await committedDevices(db, { sellerId, lineIds: lineRows.map((r) => r.line.id) });

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

  const orderInvoices = await orderInvoiceRows(db, scope);
  const creditNotes = await orderCreditNoteRows(db, scope);
  const shipments = await listOrderShipments(db, scope);

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

  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const activeInvoices = orderInvoices.filter((i) => i.voidedAt === null);
  const invoicedTotal = activeInvoices.reduce((sum, i) => sum + i.total, 0);
  return {
    order: { ...order, placedBy: order.placedByAccountName ?? order.placedByStaffName ?? null },
    lines,
    total,
    ordered: lines.reduce((sum, l) => sum + l.quantity, 0),
    committed: lines.reduce((sum, l) => sum + l.committedCount, 0),
    /** The same rule as createOrderInvoice: invoices that are not void cover the order's total. */
    fullyInvoiced: activeInvoices.length > 0 && invoicedTotal >= total,
    creditNotes,
    hasUnpriced: lines.some((l) => l.unitPrice === null),
    invoices: orderInvoices,
    shipments,
    history,
  };
}

/** The order's header: organization, status, channel, payment method and who placed it. */
async function orderHeader(db: DbOrTx, params: { sellerId: number; number: number }) {
  const [order] = await db
    .select({
      id: salesOrders.id,
      number: salesOrders.number,
      createdAt: salesOrders.createdAt,
      updatedAt: salesOrders.updatedAt,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
      shipTo: salesOrders.shipTo,
      closedShortReason: salesOrders.closedShortReason,
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
    .where(and(eq(salesOrders.sellerId, params.sellerId), eq(salesOrders.number, params.number)))
    .limit(1);
  return order ?? null;
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrderByNumber>>>;
export type OrderDetailLine = OrderDetail['lines'][number];
