import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, orderStatuses, products, salesOrderLines, salesOrders } from '@/db/schema';
import { imeiProblem, imeiProblemMessage, splitPastedIdentifiers } from '@/lib/imei';
import { recordAudit } from '../audit';
import { Refusal, type PasteProblem } from '../refusal';
import { lockOrder, touchOrder, type StaffActor } from './lock-order';

export const MAX_IMEIS_PER_PASTE = 1000;

/**
 * Commits pasted or scanned IMEIs to an order, all or nothing. Each IMEI must
 * be a valid IMEI of one of the seller's devices, of a product on the order,
 * not committed anywhere yet, and fit in what its line still lacks (counting
 * earlier IMEIs of the same paste); the order's status must allow committing.
 * Any problem refuses the whole paste and lists every problem found.
 *
 * Locks the order, its lines and the devices (in id order) before deciding,
 * so two staff committing the same IMEI cannot both succeed: the second waits,
 * then sees the device taken. Availability follows through the device triggers.
 */
export async function commitDevicesToOrder(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; text: string; actor: StaffActor },
) {
  const { sellerId } = params;
  const entries = splitPastedIdentifiers(params.text);
  if (!entries.length) throw new Refusal('Paste or scan at least one IMEI.');
  if (entries.length > MAX_IMEIS_PER_PASTE) {
    throw new Refusal(`At most ${MAX_IMEIS_PER_PASTE} IMEIs per paste; this paste has ${entries.length}. Nothing was committed.`);
  }

  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, sellerId, params.orderNumber);
    if (!order.allowsCommitting) {
      const allowing = await tx
        .select({ name: orderStatuses.name })
        .from(orderStatuses)
        .where(and(eq(orderStatuses.sellerId, sellerId), eq(orderStatuses.allowsCommitting, true)))
        .orderBy(asc(orderStatuses.position));
      const reason = `order ${order.number} is ${order.statusName}, a status that does not allow committing devices`;
      throw new Refusal(
        `Nothing was committed: ${reason}.${allowing.length ? ` Change its status first (${allowing.map((s) => s.name).join(', ')} allows it).` : ''}`,
        entries.map((e) => ({ imei: e.value, line: e.line, reason })),
      );
    }

    const lines = await tx
      .select({ id: salesOrderLines.id, productId: salesOrderLines.productId, quantity: salesOrderLines.quantity, sku: products.sku })
      .from(salesOrderLines)
      .innerJoin(products, eq(products.id, salesOrderLines.productId))
      .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)))
      .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id))
      .for('update', { of: salesOrderLines });
    const lineIds = lines.map((l) => l.id);

    const problems: PasteProblem[] = [];
    const firstLineOf = new Map<string, number>();
    const candidates: typeof entries = [];
    for (const entry of entries) {
      const problem = imeiProblem(entry.value);
      if (problem) {
        problems.push({ imei: entry.value, line: entry.line, reason: `not a valid IMEI: ${imeiProblemMessage[problem]}` });
      } else if (firstLineOf.has(entry.value)) {
        problems.push({ imei: entry.value, line: entry.line, reason: `listed twice in this paste (also on line ${firstLineOf.get(entry.value)})` });
      } else {
        firstLineOf.set(entry.value, entry.line);
        candidates.push(entry);
      }
    }

    const found = candidates.length
      ? await tx
          .select({ id: devices.id, imei: devices.imei, productId: devices.productId, orderLineId: devices.orderLineId, sku: products.sku })
          .from(devices)
          .innerJoin(products, eq(products.id, devices.productId))
          .where(and(eq(devices.sellerId, sellerId), inArray(devices.imei, candidates.map((c) => c.value))))
          .orderBy(asc(devices.id))
          .for('update', { of: devices })
      : [];
    const deviceByImei = new Map(found.map((d) => [d.imei!, d]));

    // Order numbers of devices committed elsewhere, to name them.
    const otherLineIds = [...new Set(found.map((d) => d.orderLineId).filter((id): id is number => id !== null && !lineIds.includes(id)))];
    const otherOrders = otherLineIds.length
      ? await tx
          .select({ lineId: salesOrderLines.id, number: salesOrders.number })
          .from(salesOrderLines)
          .innerJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
          .where(and(eq(salesOrderLines.sellerId, sellerId), inArray(salesOrderLines.id, otherLineIds)))
      : [];
    const orderNumberOfLine = new Map(otherOrders.map((o) => [o.lineId, o.number]));

    const committedCounts = lineIds.length
      ? await tx
          .select({ lineId: devices.orderLineId, n: sql<number>`count(*)::int` })
          .from(devices)
          .where(and(eq(devices.sellerId, sellerId), inArray(devices.orderLineId, lineIds)))
          .groupBy(devices.orderLineId)
      : [];
    const room = new Map(
      lines.map((l) => {
        const already = Number(committedCounts.find((c) => c.lineId === l.id)?.n ?? 0);
        return [l.id, { line: l, already, taken: 0, left: l.quantity - already }];
      }),
    );

    const assignments = new Map<number, number[]>();
    for (const entry of candidates) {
      const device = deviceByImei.get(entry.value);
      const refuse = (reason: string) => problems.push({ imei: entry.value, line: entry.line, reason });
      if (!device) {
        refuse('no device with this IMEI in your inventory');
      } else if (device.orderLineId !== null && lineIds.includes(device.orderLineId)) {
        refuse(`already committed to this order`);
      } else if (device.orderLineId !== null) {
        const other = orderNumberOfLine.get(device.orderLineId);
        refuse(`already committed to ${other ? `order ${other}` : 'another order'}`);
      } else {
        const linesOfProduct = lines.filter((l) => l.productId === device.productId);
        if (!linesOfProduct.length) {
          refuse(`its product ${device.sku} is not on this order`);
          continue;
        }
        const target = linesOfProduct.map((l) => room.get(l.id)!).find((r) => r.left > 0);
        if (!target) {
          const r = room.get(linesOfProduct[0]!.id)!;
          refuse(
            `more than the line of ${device.sku} needs: it orders ${r.line.quantity}, ${r.already} already committed` +
              (r.taken ? ` and ${r.taken} earlier in this paste` : ''),
          );
          continue;
        }
        target.left -= 1;
        target.taken += 1;
        assignments.set(target.line.id, [...(assignments.get(target.line.id) ?? []), device.id]);
      }
    }

    if (problems.length) {
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      throw new Refusal(
        `Nothing was committed: ${problems.length} of the ${entries.length} IMEIs cannot be committed to order ${order.number}. Fix ${problems.length === 1 ? 'it' : 'them'} and submit the paste again.`,
        problems,
      );
    }

    const now = new Date();
    for (const [lineId, ids] of assignments) {
      await tx
        .update(devices)
        .set({ orderLineId: lineId, committedAt: now, updatedAt: now })
        .where(and(eq(devices.sellerId, sellerId), inArray(devices.id, ids)));
    }
    await touchOrder(tx, order.id);
    const imeis = candidates.map((c) => c.value);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.commit',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, count: imeis.length, imeis: imeis.slice(0, 50) },
    });
    return { committed: imeis.length, imeis };
  });
}
