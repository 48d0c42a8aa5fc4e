import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries, devices, portalSettings, products, rmaLines, rmas, type RmaStatus } from '@/db/schema';
import { isRmaStatus } from '@/lib/rmas/statuses';
import { DEFAULT_RETURN_SHIP_DAYS } from '@/lib/rmas/return-instructions';
import { describeProduct } from '@/lib/products';
import type { CustomerScope } from '@/db/queries/portal/scope';

/** RMA statuses in which a device still counts as being returned. */
export const openRmaStatuses: RmaStatus[] = ['requested', 'open', 'received'];

/** The RMAs page: the organization's RMAs, newest first, with device count and refund total. */
export async function listCustomerRmas(
  db: DbOrTx,
  params: CustomerScope & { page: number; pageSize: number },
) {
  const { sellerId, organizationId, pageSize } = params;
  const where = and(eq(rmas.sellerId, sellerId), eq(rmas.organizationId, organizationId));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        number: rmas.number,
        status: rmas.status,
        resolution: rmas.resolution,
        createdAt: rmas.createdAt,
        // Written out in full: drizzle leaves columns of a one-table select unqualified, which inside
        // a subquery would bind to rma_lines.id instead of rmas.id.
        devices: sql<number>`(select count(*) from rma_lines rl where rl.rma_id = "rmas"."id")`.mapWith(Number),
        refundTotal: sql<number>`(select coalesce(sum(rl.refund_amount), 0) from rma_lines rl where rl.rma_id = "rmas"."id")`.mapWith(Number),
      })
      .from(rmas)
      .where(where)
      .orderBy(desc(rmas.createdAt), desc(rmas.id))
      .limit(pageSize)
      .offset((Math.max(1, params.page) - 1) * pageSize),
    db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(rmas).where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** One RMA of the organization by number with its devices; null for anyone else's. */
export async function findCustomerRma(db: DbOrTx, params: CustomerScope & { number: number }) {
  const { sellerId, organizationId } = params;
  const [rma] = await db
    .select({
      id: rmas.id,
      number: rmas.number,
      status: rmas.status,
      resolution: rmas.resolution,
      notes: rmas.notes,
      rejectionReason: rmas.rejectionReason,
      createdAt: rmas.createdAt,
      requestedByAccountId: rmas.requestedByAccountId,
      returnAddress: portalSettings.returnAddress,
      returnShipDays: portalSettings.returnShipDays,
    })
    .from(rmas)
    .leftJoin(portalSettings, eq(portalSettings.sellerId, rmas.sellerId))
    .where(and(eq(rmas.sellerId, sellerId), eq(rmas.organizationId, organizationId), eq(rmas.number, params.number)))
    .limit(1);
  if (!rma) return null;
  const lines = await db
    .select({
      id: rmaLines.id,
      imei: devices.imei,
      serial: devices.serial,
      disposition: rmaLines.disposition,
      reason: rmaLines.reason,
      refundAmount: rmaLines.refundAmount,
      requestedDisposition: rmaLines.requestedDisposition,
      requestedRefundAmount: rmaLines.requestedRefundAmount,
      rejectionReason: rmaLines.rejectionReason,
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
    .from(rmaLines)
    .innerJoin(devices, and(eq(devices.id, rmaLines.deviceId), eq(devices.sellerId, sellerId)))
    .innerJoin(products, and(eq(products.id, devices.productId), eq(products.sellerId, sellerId)))
    .where(and(eq(rmaLines.rmaId, rma.id), eq(rmaLines.sellerId, sellerId)))
    .orderBy(asc(rmaLines.id));
  const { returnAddress, returnShipDays, ...head } = rma;
  return {
    ...head,
    lines: lines.map((l) => ({ ...l, description: describeProduct(l.product), sku: l.product.sku })),
    refundTotal: lines.reduce((n, l) => n + l.refundAmount, 0),
    requestedRefundTotal: lines.reduce((n, l) => n + (l.requestedRefundAmount ?? l.refundAmount), 0),
    returnInstructions: { address: returnAddress?.trim() || null, shipDays: returnShipDays ?? DEFAULT_RETURN_SHIP_DAYS },
    timeline: await rmaTimeline(db, { sellerId, rmaId: rma.id, createdAt: rma.createdAt }),
  };
}

export type RmaTimelineEntry = { status: RmaStatus; at: Date };

/**
 * When the RMA reached each status, from its status history in the audit log
 * (the request itself is its creation). Oldest first.
 */
export async function rmaTimeline(
  db: DbOrTx,
  params: { sellerId: number; rmaId: number; createdAt: Date },
): Promise<RmaTimelineEntry[]> {
  const steps = await db
    .select({ details: auditEntries.details, createdAt: auditEntries.createdAt })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, params.sellerId),
        eq(auditEntries.entityType, 'rma'),
        eq(auditEntries.entityId, params.rmaId),
        inArray(auditEntries.action, ['rma.status', 'rma.cancel']),
      ),
    )
    .orderBy(asc(auditEntries.createdAt), asc(auditEntries.id))
    .limit(20);
  const timeline: RmaTimelineEntry[] = [{ status: 'requested', at: params.createdAt }];
  for (const step of steps) {
    const to = (step.details as { to?: unknown }).to;
    if (isRmaStatus(to)) timeline.push({ status: to, at: step.createdAt });
  }
  return timeline;
}

export type CustomerRma = NonNullable<Awaited<ReturnType<typeof findCustomerRma>>>;
