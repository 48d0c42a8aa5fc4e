import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, products, salesOrderLines } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { lockOrder, sellerCurrency, touchOrder, type LockedOrder } from './lock-order';
import { quantityProblem, readUnitPrice, resolveOrderLines, type OrderLineInput } from './order-line-input';
import { assertOrderTotalFits } from './order-total';

/** A line of the locked order, locked too, with how many devices are committed to it. */
async function lockLine(tx: DbOrTx, params: { order: LockedOrder; lineId: number }) {
  const { order, lineId } = params;
  const sellerId = order.sellerId;
  const [line] = await tx
    .select({ line: salesOrderLines, sku: products.sku, listPrice: products.listPrice })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id), eq(salesOrderLines.id, lineId)))
    .for('update', { of: salesOrderLines });
  if (!line) throw new Refusal('That line is not on this order.');
  const [counted] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(devices)
    .where(and(eq(devices.sellerId, sellerId), eq(devices.orderLineId, lineId)));
  return { ...line, committed: Number(counted?.n ?? 0) };
}

/** Adds a product to an order (one line per product). */
export async function addOrderLine(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; actor: StaffActor } & OrderLineInput,
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const existing = await tx
      .select({ productId: salesOrderLines.productId, position: salesOrderLines.position })
      .from(salesOrderLines)
      .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)));
    const currency = await sellerCurrency(tx, sellerId);
    const [resolved] = await resolveOrderLines(tx, {
      sellerId,
      currency,
      lines: [{ productId: params.productId, quantity: params.quantity, unitPrice: params.unitPrice }],
      existingProductIds: existing.map((l) => l.productId),
    });
    const [line] = await tx
      .insert(salesOrderLines)
      .values({
        sellerId,
        orderId: order.id,
        productId: resolved!.product.id,
        quantity: resolved!.quantity,
        unitPrice: resolved!.unitPrice,
        position: Math.max(-1, ...existing.map((l) => l.position)) + 1,
      })
      .returning();
    await assertOrderTotalFits(tx, { sellerId, orderId: order.id, currency });
    await touchOrder(tx, order);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.line_add',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, sku: resolved!.product.sku, quantity: line!.quantity, unitPrice: line!.unitPrice },
    });
    return line!;
  });
}

/**
 * Changes a line's quantity and unit price. The quantity cannot go below the
 * devices already committed to the line: those must be uncommitted first.
 */
export async function updateOrderLine(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; lineId: number; quantity: number; unitPrice?: string | null; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const current = await lockLine(tx, { order, lineId: params.lineId });
    const errors: Record<string, string[]> = {};
    const qp = quantityProblem(params.quantity);
    if (qp) errors.quantity = [qp];
    else if (params.quantity < current.committed) {
      errors.quantity = [
        `${current.committed} devices are committed to the line of ${current.sku}, so its quantity cannot go below ${current.committed}. Uncommit devices first.`,
      ];
    }
    const currency = await sellerCurrency(tx, sellerId);
    const price = readUnitPrice(params.unitPrice, current.listPrice, currency);
    if (!price.ok) errors.unitPrice = [price.message];
    if (Object.keys(errors).length || !price.ok) throw new Refusal(Object.values(errors)[0]![0]!, { fieldErrors: errors });

    const [line] = await tx
      .update(salesOrderLines)
      .set({ quantity: params.quantity, unitPrice: price.value })
      .where(eq(salesOrderLines.id, current.line.id))
      .returning();
    await assertOrderTotalFits(tx, { sellerId, orderId: order.id, currency });
    await touchOrder(tx, order);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.line_update',
      entityType: 'sales_order',
      entityId: order.id,
      details: {
        number: order.number,
        sku: current.sku,
        from: { quantity: current.line.quantity, unitPrice: current.line.unitPrice },
        to: { quantity: line!.quantity, unitPrice: line!.unitPrice },
      },
    });
    return line!;
  });
}

/** Removes a line that has no committed devices; an order keeps at least one line. */
export async function removeOrderLine(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; lineId: number; actor: StaffActor },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const current = await lockLine(tx, { order, lineId: params.lineId });
    if (current.committed > 0) {
      throw new Refusal(`${current.committed} devices are committed to the line of ${current.sku}. Uncommit them before removing the line.`);
    }
    const [others] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(salesOrderLines)
      .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)));
    if (Number(others?.n ?? 0) <= 1) throw new Refusal('An order needs at least one line; add another product before removing this one.');
    await tx.delete(salesOrderLines).where(eq(salesOrderLines.id, current.line.id));
    await touchOrder(tx, order);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.line_remove',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, sku: current.sku, quantity: current.line.quantity },
    });
  });
}
