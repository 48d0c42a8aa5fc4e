import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, products, rmaLines, rmas, type RmaStatus } from '@/db/schema';
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
      createdAt: rmas.createdAt,
      requestedByAccountId: rmas.requestedByAccountId,
    })
    .from(rmas)
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
  return {
    ...rma,
    lines: lines.map((l) => ({ ...l, description: describeProduct(l.product), sku: l.product.sku })),
    refundTotal: lines.reduce((n, l) => n + l.refundAmount, 0),
  };
}

export type CustomerRma = NonNullable<Awaited<ReturnType<typeof findCustomerRma>>>;
