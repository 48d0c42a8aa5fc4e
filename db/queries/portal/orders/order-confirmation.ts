import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, paymentMethods, salesOrders } from '@/db/schema';
import { orderInvoiceRows, orderLineRows } from '@/db/queries/orders/order-contents';
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
      shipTo: salesOrders.shipTo,
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
  const scope = { sellerId: params.sellerId, orderId: order.id };
  const [lineRows, invoiceRows] = await Promise.all([orderLineRows(db, scope), orderInvoiceRows(db, scope)]);
  const lines = lineRows.map(({ line, product }) => ({
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    sku: product.sku,
    manufacturer: product.manufacturer,
    model: product.model,
    capacity: product.capacity,
    color: product.color,
    network: product.network,
    grade: product.grade,
  }));
  // The first invoice issued for the order (auto invoice makes one at checkout).
  const first = invoiceRows.reduce<(typeof invoiceRows)[number] | undefined>((a, i) => (a && a.id < i.id ? a : i), undefined);
  const invoice = first ? { number: first.number, emailedAt: first.emailedAt } : undefined;
  return { ...order, lines, invoice: invoice ?? null };
}

export type OrderConfirmation = NonNullable<Awaited<ReturnType<typeof orderConfirmation>>>;
