import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries, organizations, portalSettings, productAvailability, rmas, salesOrders } from '@/db/schema';
import { openRmaStatuses } from '@/lib/rmas/statuses';
import { auditEntryColumns } from './audit';

/**
 * The dashboard in a handful of indexed queries: portal orders still in the
 * portal's initial status, devices For Sale (from the availability rows, not
 * the devices), open RMAs and the latest audit entries.
 */
export async function dashboardSummary(db: DbOrTx, params: { sellerId: number; latest?: number }) {
  const { sellerId } = params;
  const latest = params.latest ?? 5;
  const [settings] = await db
    .select({ statusId: portalSettings.initialOrderStatusId, channelId: portalSettings.salesChannelId })
    .from(portalSettings)
    .where(eq(portalSettings.sellerId, sellerId));

  let awaiting = { count: 0, latest: [] as { number: number; createdAt: Date; organizationName: string; poNumber: string | null }[] };
  if (settings?.statusId && settings.channelId) {
    const where = and(
      eq(salesOrders.sellerId, sellerId),
      eq(salesOrders.statusId, settings.statusId),
      eq(salesOrders.channelId, settings.channelId),
    );
    const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(salesOrders).where(where);
    const rows = await db
      .select({
        number: salesOrders.number,
        createdAt: salesOrders.createdAt,
        organizationName: organizations.name,
        poNumber: salesOrders.poNumber,
      })
      .from(salesOrders)
      .innerJoin(organizations, eq(organizations.id, salesOrders.organizationId))
      .where(where)
      .orderBy(desc(salesOrders.createdAt), desc(salesOrders.id))
      .limit(latest);
    awaiting = { count: Number(counted?.n ?? 0), latest: rows };
  }

  const [forSale] = await db
    .select({ n: sql<number>`coalesce(sum(${productAvailability.quantity}), 0)::bigint` })
    .from(productAvailability)
    .where(eq(productAvailability.sellerId, sellerId));

  const openWhere = and(eq(rmas.sellerId, sellerId), inArray(rmas.status, openRmaStatuses));
  const [openCount] = await db.select({ n: sql<number>`count(*)::int` }).from(rmas).where(openWhere);
  const openLatest = await db
    .select({
      number: rmas.number,
      status: rmas.status,
      createdAt: rmas.createdAt,
      organizationName: organizations.name,
      requestedByCustomer: sql<boolean>`${rmas.requestedByAccountId} is not null`,
    })
    .from(rmas)
    .innerJoin(organizations, eq(organizations.id, rmas.organizationId))
    .where(openWhere)
    .orderBy(desc(rmas.createdAt), desc(rmas.id))
    .limit(latest);

  const activity = await db
    .select(auditEntryColumns)
    .from(auditEntries)
    .where(eq(auditEntries.sellerId, sellerId))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(10);

  return {
    portalOrdersAwaiting: awaiting,
    devicesForSale: Number(forSale?.n ?? 0),
    openRmas: { count: Number(openCount?.n ?? 0), latest: openLatest },
    recentActivity: activity,
  };
}

export type DashboardSummary = Awaited<ReturnType<typeof dashboardSummary>>;
