import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, orderStatuses, products, salesOrderLines, salesOrders } from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { isShippingStatus } from '@/lib/shipments/carriers';
import { lockOrder, type LockedOrder } from './lock-order';
import { queueOrderStatusEmail } from './order-emails';
import { checkShipments, insertShipments, type ShipmentToRecord } from './order-shipments';

/**
 * What staff chose when the order is short of devices: reduce the lines to
 * what is committed, or close it anyway with a reason.
 */
export type ShortOrderResolution = 'reduce' | 'close_anyway';

export type ChangeOrderStatusParams = {
  sellerId: number;
  orderNumber: number;
  statusId: number;
  actor: StaffActor;
  resolution?: ShortOrderResolution;
  /** Required with "close_anyway"; audited and shown on the order. */
  reason?: string;
  /** Carrier and tracking numbers of the parcels, with a move to a shipping status. */
  shipments?: ShipmentToRecord[];
};

/** A line with fewer devices committed than ordered. */
export type ShortLine = { lineId: number; sku: string; description: string; quantity: number; committed: number };

export const MAX_CLOSE_REASON = 500;

/**
 * Moves an order to another of the seller's statuses and records who did it.
 *
 * A status that does not allow committing devices (Shipped, Cancelled…) ends
 * commitment: moving a short order there is refused, naming each short line,
 * unless staff choose to reduce the lines to what is committed (in this same
 * transaction, audited) or to close it anyway with a reason (audited, kept on
 * the order).
 *
 * A move to a shipping status may record tracking numbers (all valid, or
 * nothing is written). Entering the status queues the buyer's email in the
 * same transaction: "your order has shipped" with tracking, or "now <status>"
 * where the status says so. A retried change finds the order already there
 * and writes nothing, so the buyer hears once.
 */
export async function changeOrderStatus(db: DbOrTx, params: ChangeOrderStatusParams) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const [status] = await tx
      .select({ id: orderStatuses.id, name: orderStatuses.name, isOpen: orderStatuses.isOpen, allowsCommitting: orderStatuses.allowsCommitting, emailBuyer: orderStatuses.emailBuyer })
      .from(orderStatuses)
      .where(and(eq(orderStatuses.sellerId, sellerId), eq(orderStatuses.id, params.statusId)));
    if (!status) throw new Refusal('Choose one of your order statuses.', { fieldErrors: { statusId: ['Choose a status.'] } });
    if (status.id === order.statusId) {
      return { changed: false, statusName: status.name, reduced: [] as ShortLine[], closedShort: false, tracking: 0, emailed: null };
    }
    const shipments = checkShipments(params.shipments ?? []);
    if (shipments.length && !isShippingStatus(status)) {
      const message = `Tracking numbers are recorded when the order ships; ${status.name} is not a shipping status.`;
      throw new Refusal(message, { code: 'invalid', fieldErrors: { trackingNumber: [message] } });
    }

    let reduced: ShortLine[] = [];
    let closedShortReason: string | null = null;
    if (!status.allowsCommitting) {
      const short = await shortLines(tx, order);
      if (short.length) {
        if (params.resolution === 'reduce') {
          reduced = await reduceToCommitted(tx, { order, short, actor: params.actor });
        } else if (params.resolution === 'close_anyway') {
          const reason = (params.reason ?? '').trim();
          if (!reason) {
            const message = `Give a reason for closing order ${order.number} with devices missing.`;
            throw new Refusal(message, { code: 'invalid', fieldErrors: { reason: [message] } });
          }
          if (reason.length > MAX_CLOSE_REASON) {
            const message = `A reason has at most ${MAX_CLOSE_REASON} characters.`;
            throw new Refusal(message, { code: 'invalid', fieldErrors: { reason: [message] } });
          }
          closedShortReason = reason;
          await recordAudit(tx, {
            sellerId,
            actor: params.actor,
            action: 'order.close_short',
            entityType: 'sales_order',
            entityId: order.id,
            details: { number: order.number, to: status.name, reason, ...shortSummary(short) },
          });
        } else {
          throw shortRefusal(order, status.name, short);
        }
      }
    }

    await tx
      .update(salesOrders)
      .set({
        statusId: status.id,
        updatedAt: new Date(),
        // Back in a committing status, the old "closed anyway" note no longer applies.
        ...(closedShortReason !== null ? { closedShortReason } : status.allowsCommitting ? { closedShortReason: null } : {}),
      })
      .where(and(eq(salesOrders.id, order.id), eq(salesOrders.sellerId, sellerId)));
    const recorded = await insertShipments(tx, { sellerId, orderId: order.id, shipments, createdBy: params.actor.staffUserId });
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.status',
      entityType: 'sales_order',
      entityId: order.id,
      details: {
        number: order.number,
        from: order.statusName,
        to: status.name,
        ...(closedShortReason !== null ? { closedShort: true, reason: closedShortReason } : {}),
        ...(recorded.length ? { tracking: recorded.map((s) => ({ carrier: s.carrier, trackingNumber: s.trackingNumber })) } : {}),
      },
    });
    const emailed = await queueOrderStatusEmail(tx, { sellerId, orderId: order.id, status });
    return { changed: true, statusName: status.name, reduced, closedShort: closedShortReason !== null, tracking: recorded.length, emailed };
  });
}

/** The order's lines that lack devices, in the order staff see them (the lines are locked). */
export async function shortLines(tx: DbOrTx, order: Pick<LockedOrder, 'id' | 'sellerId'>): Promise<ShortLine[]> {
  const rows = await tx
    .select({ line: salesOrderLines, product: products })
    .from(salesOrderLines)
    .innerJoin(products, and(eq(products.id, salesOrderLines.productId), eq(products.sellerId, order.sellerId)))
    .where(and(eq(salesOrderLines.sellerId, order.sellerId), eq(salesOrderLines.orderId, order.id)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id))
    .for('update', { of: salesOrderLines });
  const lineIds = rows.map((r) => r.line.id);
  const counts = lineIds.length
    ? await tx
        .select({ lineId: devices.orderLineId, n: sql<number>`count(*)::int` })
        .from(devices)
        .where(and(eq(devices.sellerId, order.sellerId), inArray(devices.orderLineId, lineIds)))
        .groupBy(devices.orderLineId)
    : [];
  return rows
    .map(({ line, product }) => ({
      lineId: line.id,
      sku: product.sku,
      description: describeProduct(product),
      quantity: line.quantity,
      committed: Number(counts.find((c) => c.lineId === line.id)?.n ?? 0),
    }))
    .filter((l) => l.committed < l.quantity);
}

function shortSummary(short: ShortLine[]) {
  return {
    missing: short.reduce((sum, l) => sum + l.quantity - l.committed, 0),
    lines: short.map((l) => ({ sku: l.sku, quantity: l.quantity, committed: l.committed })),
  };
}

/** "Order 1025 cannot be Shipped: 5 devices are not committed." with one problem per short line. */
function shortRefusal(order: LockedOrder, statusName: string, short: ShortLine[]) {
  const { missing } = shortSummary(short);
  return new Refusal(
    `Order ${order.number} cannot move to ${statusName}: ${missing} device${missing === 1 ? ' is' : 's are'} not committed. ` +
      'Commit them now, reduce the quantities to what is committed, or close it anyway with a reason.',
    {
      code: 'short',
      problems: short.map((l) => ({ line: null, value: '', reason: `${l.description} (${l.sku}): ${l.committed} of ${l.quantity} committed` })),
      details: { short },
    },
  );
}

/**
 * Lowers each short line to its committed count, removing lines with none
 * committed; refused when that would leave the order without lines.
 */
async function reduceToCommitted(tx: DbOrTx, params: { order: LockedOrder; short: ShortLine[]; actor: StaffActor }) {
  const { order, short } = params;
  const [all] = await tx
    .select({ n: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${salesOrderLines.quantity}::numeric * coalesce(${salesOrderLines.unitPrice}, 0)), 0)::text` })
    .from(salesOrderLines)
    .where(and(eq(salesOrderLines.sellerId, order.sellerId), eq(salesOrderLines.orderId, order.id)));
  const emptied = short.filter((l) => l.committed === 0);
  if (emptied.length >= Number(all?.n ?? 0)) {
    throw new Refusal(
      `No device is committed to order ${order.number}, so reducing the quantities would leave it without lines. Commit devices first, or close it anyway with a reason.`,
      { code: 'short' },
    );
  }
  if (emptied.length) {
    await tx.delete(salesOrderLines).where(
      and(
        eq(salesOrderLines.sellerId, order.sellerId),
        eq(salesOrderLines.orderId, order.id),
        inArray(
          salesOrderLines.id,
          emptied.map((l) => l.lineId),
        ),
      ),
    );
  }
  for (const line of short.filter((l) => l.committed > 0)) {
    await tx
      .update(salesOrderLines)
      .set({ quantity: line.committed })
      .where(and(eq(salesOrderLines.sellerId, order.sellerId), eq(salesOrderLines.id, line.lineId)));
  }
  const [after] = await tx
    .select({ total: sql<string>`coalesce(sum(${salesOrderLines.quantity}::numeric * coalesce(${salesOrderLines.unitPrice}, 0)), 0)::text` })
    .from(salesOrderLines)
    .where(and(eq(salesOrderLines.sellerId, order.sellerId), eq(salesOrderLines.orderId, order.id)));
  await recordAudit(tx, {
    sellerId: order.sellerId,
    actor: params.actor,
    action: 'order.reduce_to_committed',
    entityType: 'sales_order',
    entityId: order.id,
    details: {
      number: order.number,
      lines: short.map((l) => ({ sku: l.sku, from: l.quantity, to: l.committed })),
      totalBefore: Number(all?.total ?? 0),
      totalAfter: Number(after?.total ?? 0),
    },
  });
  return short;
}
