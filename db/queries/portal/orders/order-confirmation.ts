import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { invoices, orderStatuses, paymentMethods, products, salesOrderLines, salesOrders } from '@/db/schema';
import type { CustomerScope } from '@/db/queries/portal/scope';

/** A placed order as its confirmation page shows it, only to the organization that placed it. */
export async function orderConfirmation(
  db: DbOrTx,
  params: CustomerScope & { number: number },
) {
  const [order] = await db
    .select({
      id: salesOrders.id,
      number: salesOrders.number,
      poNumber: salesOrders.poNumber,
      notes: salesOrders.notes,
      createdAt: salesOrders.createdAt,
      statusName: orderStatuses.name,
      statusColor: orderStatuses.color,
      paymentMethodName: paymentMethods.name,
    })
    .from(salesOrders)
    .innerJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
    .leftJoin(paymentMethods, eq(paymentMethods.id, salesOrders.paymentMethodId))
    .where(
      and(
        eq(salesOrders.sellerId, params.sellerId),
        eq(salesOrders.organizationId, params.organizationId),
        eq(salesOrders.number, params.number),
      ),
    )
    .limit(1);
  if (!order) return null;
  const lines = await db
    .select({
      productId: salesOrderLines.productId,
      quantity: salesOrderLines.quantity,
      unitPrice: salesOrderLines.unitPrice,
      sku: products.sku,
      manufacturer: products.manufacturer,
      model: products.model,
      capacity: products.capacity,
      color: products.color,
      network: products.network,
      grade: products.grade,
    })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(and(eq(salesOrderLines.orderId, order.id), eq(salesOrderLines.sellerId, params.sellerId)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id));
  const [invoice] = await db
    .select({ number: invoices.number, emailedAt: invoices.emailedAt })
    .from(invoices)
    .where(and(eq(invoices.sellerId, params.sellerId), eq(invoices.orderId, order.id)))
    .orderBy(asc(invoices.id))
    .limit(1);
  return { ...order, lines, invoice: invoice ?? null };
}
