import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, organizations, salesChannels, salesOrderLines, salesOrders } from '@/db/schema';
import { likeEscape } from '@/lib/like';
import { parseId } from '@/lib/url-params';

export type OrderListFilters = {
  /** A status id, or 'open' for every status marked open. */
  status?: number | 'open';
  channelId?: number;
  organizationId?: number;
  /** Inclusive ISO dates (UTC). */
  from?: string;
  to?: string;
  /** An order number or part of a PO number. */
  search?: string;
};

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function orderFilters(sellerId: number, f: OrderListFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(salesOrders.sellerId, sellerId)];
  if (f.status === 'open') {
    conditions.push(
      inArray(
        salesOrders.statusId,
        sql`(select ${orderStatuses.id} from ${orderStatuses} where ${orderStatuses.sellerId} = ${sellerId} and ${orderStatuses.isOpen})`,
      ),
    );
  } else if (f.status) {
    conditions.push(eq(salesOrders.statusId, f.status));
  }
  if (f.channelId) conditions.push(eq(salesOrders.channelId, f.channelId));
  if (f.organizationId) conditions.push(eq(salesOrders.organizationId, f.organizationId));
  if (f.from) conditions.push(gte(salesOrders.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(salesOrders.createdAt, new Date(`${nextDay(f.to)}T00:00:00Z`)));
  const search = f.search?.trim();
  if (search) {
    const number = parseId(search);
    const po = ilike(salesOrders.poNumber, `%${likeEscape(search)}%`);
    conditions.push(number ? or(eq(salesOrders.number, number), po) : po);
  }
  return and(...conditions)!;
}

export type ListOrdersParams = { sellerId: number; page: number; pageSize: number } & OrderListFilters;

/**
 * One page of a seller's orders (or of one organization's, for its Orders
 * tab), newest first, with item count and total per order. The page is chosen in the database; totals are summed in one grouped
 * query over that page's lines only.
 */
export async function listOrders(
  db: DbOrTx,
  params: ListOrdersParams,
) {
  const where = orderFilters(params.sellerId, params);
  const page = Math.max(1, Math.floor(params.page));
  const orders = await db
    .select({
      id: salesOrders.id,
      number: salesOrders.number,
      createdAt: salesOrders.createdAt,
      poNumber: salesOrders.poNumber,
      organizationId: salesOrders.organizationId,
      organizationName: organizations.name,
      statusName: orderStatuses.name,
      statusColor: orderStatuses.color,
      channelName: salesChannels.name,
      placedByAccountId: salesOrders.placedByAccountId,
    })
    .from(salesOrders)
    .innerJoin(organizations, eq(organizations.id, salesOrders.organizationId))
    .innerJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
    .innerJoin(salesChannels, eq(salesChannels.id, salesOrders.channelId))
    .where(where)
    .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id))
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize);

  // A short page is the last one: its length gives the total without counting again.
  const total =
    orders.length < params.pageSize && (orders.length > 0 || page === 1)
      ? (page - 1) * params.pageSize + orders.length
      : Number((await db.select({ total: sql<number>`count(*)::int` }).from(salesOrders).where(where))[0]?.total ?? 0);

  const ids = orders.map((o) => o.id);
  const sums = ids.length
    ? await db
        .select({
          orderId: salesOrderLines.orderId,
          itemCount: sql<number>`sum(${salesOrderLines.quantity})::int`,
          total: sql<number>`sum(coalesce(${salesOrderLines.unitPrice}, 0)::bigint * ${salesOrderLines.quantity})::bigint`,
          unpricedLines: sql<number>`count(*) filter (where ${salesOrderLines.unitPrice} is null)::int`,
        })
        .from(salesOrderLines)
        .where(and(eq(salesOrderLines.sellerId, params.sellerId), inArray(salesOrderLines.orderId, ids)))
        .groupBy(salesOrderLines.orderId)
    : [];
  const byOrder = new Map(sums.map((s) => [s.orderId, s]));

  return {
    total,
    page,
    pageSize: params.pageSize,
    rows: orders.map((o) => {
      const s = byOrder.get(o.id);
      return {
        ...o,
        itemCount: Number(s?.itemCount ?? 0),
        total: Number(s?.total ?? 0),
        /** Lines "to be quoted" count as zero in the total. */
        unpricedLines: Number(s?.unpricedLines ?? 0),
        hasUnpriced: Number(s?.unpricedLines ?? 0) > 0,
      };
    }),
  };
}

export type OrderListRow = Awaited<ReturnType<typeof listOrders>>['rows'][number];
