import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, rmas, salesChannels, salesOrderLines, salesOrders } from '@/db/schema';

type Page = { sellerId: number; organizationId: number; page: number; pageSize: number };

/**
 * An organization's sales orders, newest first, one page at a time. The total
 * is summed per order over its lines in one grouped subquery (lines "to be
 * quoted" count as zero, as on the invoice).
 */
export async function listOrganizationOrders(db: DbOrTx, params: Page) {
  const where = and(eq(salesOrders.sellerId, params.sellerId), eq(salesOrders.organizationId, params.organizationId));
  const page = db
    .select({ id: salesOrders.id })
    .from(salesOrders)
    .where(where)
    .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id))
    .limit(params.pageSize)
    .offset((params.page - 1) * params.pageSize);
  const totals = db
    .select({
      orderId: salesOrderLines.orderId,
      total: sql<number>`sum(${salesOrderLines.quantity} * coalesce(${salesOrderLines.unitPrice}, 0))`.as('total'),
      unpriced: sql<number>`count(*) filter (where ${salesOrderLines.unitPrice} is null)`.as('unpriced'),
    })
    .from(salesOrderLines)
    .where(and(eq(salesOrderLines.sellerId, params.sellerId), sql`${salesOrderLines.orderId} in ${page}`))
    .groupBy(salesOrderLines.orderId)
    .as('totals');
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: salesOrders.id,
        number: salesOrders.number,
        createdAt: salesOrders.createdAt,
        poNumber: salesOrders.poNumber,
        statusName: orderStatuses.name,
        statusColor: orderStatuses.color,
        channelName: salesChannels.name,
        total: sql<number>`coalesce(${totals.total}, 0)`.mapWith(Number),
        unpricedLines: sql<number>`coalesce(${totals.unpriced}, 0)`.mapWith(Number),
      })
      .from(salesOrders)
      .innerJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
      .innerJoin(salesChannels, eq(salesChannels.id, salesOrders.channelId))
      .leftJoin(totals, eq(totals.orderId, salesOrders.id))
      .where(and(where, sql`${salesOrders.id} in ${page}`))
      .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id)),
    db.select({ n: count() }).from(salesOrders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** An organization's RMAs, newest first, one page at a time. */
export async function listOrganizationRmas(db: DbOrTx, params: Page) {
  const where = and(eq(rmas.sellerId, params.sellerId), eq(rmas.organizationId, params.organizationId));
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: rmas.id, number: rmas.number, status: rmas.status, createdAt: rmas.createdAt })
      .from(rmas)
      .where(where)
      .orderBy(desc(rmas.createdAt), desc(rmas.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ n: count() }).from(rmas).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
