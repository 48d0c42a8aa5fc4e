import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { organizations, portalAccounts, rmaLines, rmas, type RmaStatus } from '@/db/schema';
import { openRmaStatuses } from '@/lib/rmas/statuses';

/** `any_open`: requested, open or received (what the dashboard counts as open). */
export type RmaListFilters = { status?: RmaStatus | 'any_open'; organizationId?: number };

/** One page of a seller's RMAs, newest first, with device count and refund total per RMA. */
export async function listRmas(
  db: DbOrTx,
  params: { sellerId: number; page: number; pageSize: number } & RmaListFilters,
) {
  const conditions: SQL[] = [eq(rmas.sellerId, params.sellerId)];
  if (params.status === 'any_open') conditions.push(inArray(rmas.status, openRmaStatuses));
  else if (params.status) conditions.push(eq(rmas.status, params.status));
  if (params.organizationId) conditions.push(eq(rmas.organizationId, params.organizationId));
  const where = and(...conditions);
  const page = Math.max(1, Math.floor(params.page));

  const rows = await db
    .select({
      id: rmas.id,
      number: rmas.number,
      createdAt: rmas.createdAt,
      status: rmas.status,
      resolution: rmas.resolution,
      organizationId: rmas.organizationId,
      organizationName: organizations.name,
      requestedByName: portalAccounts.name,
    })
    .from(rmas)
    .innerJoin(organizations, eq(organizations.id, rmas.organizationId))
    .leftJoin(portalAccounts, eq(portalAccounts.id, rmas.requestedByAccountId))
    .where(where)
    .orderBy(desc(rmas.createdAt), desc(rmas.id))
    .limit(params.pageSize)
    .offset((page - 1) * params.pageSize);
  // A short page is the last one: its length gives the total without counting again.
  const total =
    rows.length < params.pageSize && (rows.length > 0 || page === 1)
      ? (page - 1) * params.pageSize + rows.length
      : Number((await db.select({ total: sql<number>`count(*)::int` }).from(rmas).where(where))[0]?.total ?? 0);

  const ids = rows.map((r) => r.id);
  const sums = ids.length
    ? await db
        .select({
          rmaId: rmaLines.rmaId,
          devices: sql<number>`count(*)::int`,
          refund: sql<number>`sum(${rmaLines.refundAmount})::bigint`,
        })
        .from(rmaLines)
        .where(and(eq(rmaLines.sellerId, params.sellerId), inArray(rmaLines.rmaId, ids)))
        .groupBy(rmaLines.rmaId)
    : [];
  const byRma = new Map(sums.map((s) => [s.rmaId, s]));
  return {
    total,
    page,
    pageSize: params.pageSize,
    rows: rows.map((r) => ({
      ...r,
      requestedByCustomer: r.requestedByName !== null,
      devices: Number(byRma.get(r.id)?.devices ?? 0),
      refundTotal: Number(byRma.get(r.id)?.refund ?? 0),
    })),
  };
}

export type RmaListRow = Awaited<ReturnType<typeof listRmas>>['rows'][number];
