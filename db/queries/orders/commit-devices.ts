import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, inventoryStatuses, orderStatuses, portalForSaleStatuses, products, salesOrderLines, salesOrders } from '@/db/schema';
import { imeiProblem, imeiProblemMessage, splitPastedIdentifiers } from '@/lib/imei';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { recordAudit, type StaffActor } from '../audit';
import { lockOrder, touchOrder, type LockedOrder } from './lock-order';

export const MAX_IMEIS_PER_PASTE = 1000;

type PastedEntry = ReturnType<typeof splitPastedIdentifiers>[number];
/** `picked`: a line of units the buyer picked, which takes exactly its held units. */
type OrderLine = { id: number; productId: number; quantity: number; sku: string; picked: boolean };
type FoundDevice = {
  id: number;
  imei: string | null;
  productId: number;
  orderLineId: number | null;
  sku: string;
  statusName: string;
  /** Its inventory status is one of the portal's For Sale statuses. */
  sellable: boolean;
  /** The order line a buyer's pick holds it for (unit_holds), and that order's number; null when not held. */
  heldLineId: number | null;
  heldOrderNumber: number | null;
};
/** A device committed although its status is not sellable ("Commit anyway"), for the audit. */
type Overridden = { imei: string; status: string };
/** What a line of the order can still take: ordered minus committed, minus earlier IMEIs of this paste. */
type LineRoom = { line: OrderLine; already: number; taken: number; left: number };

export type CommitDevicesParams = {
  sellerId: number;
  orderNumber: number;
  text: string;
  actor: StaffActor;
  /** Commit devices whose status is not a For Sale status too (the paste's "Commit anyway"); audited. */
  commitAnyway?: boolean;
};

/**
 * Commits pasted or scanned IMEIs to an order, all or nothing. Each IMEI must
 * be a valid IMEI of one of the seller's devices, of a product on the order,
 * not committed anywhere yet, in one of the portal's For Sale statuses (unless
 * the paste says "commit anyway", which the audit records), and fit in what
 * its line still lacks (counting earlier IMEIs of the same paste); the
 * order's status must allow committing.
 * Any problem refuses the whole paste and lists every problem found.
 *
 * Locks the order, its lines and the devices (in id order) before deciding,
 * so two staff committing the same IMEI cannot both succeed: the second waits,
 * then sees the device taken. Availability follows through the device triggers.
 */
export async function commitDevicesToOrder(db: DbOrTx, params: CommitDevicesParams) {
  const { sellerId } = params;
  const entries = splitPastedIdentifiers(params.text);
  if (!entries.length) throw new Refusal('Paste or scan at least one IMEI.');
  if (entries.length > MAX_IMEIS_PER_PASTE) {
    throw new Refusal(`At most ${MAX_IMEIS_PER_PASTE} IMEIs per paste; this paste has ${entries.length}. Nothing was committed.`);
  }

  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    if (!order.allowsCommitting) await refuseStatus(tx, order, entries);

    const lines = await lockLines(tx, order);
    const { problems, candidates } = checkPastedImeis(entries);
    const found = await lockDevices(tx, { sellerId, imeis: candidates.map((c) => c.value) });
    const room = await roomOnLines(tx, { sellerId, lines });
    const orderNumberOfLine = await ordersOfOtherLines(tx, { sellerId, found, lineIds: lines.map((l) => l.id) });
    const overridden: Overridden[] = [];
    const assignments = assignDevices({
      candidates,
      found,
      lines,
      room,
      orderNumberOfLine,
      problems,
      commitAnyway: params.commitAnyway === true,
      overridden,
    });

    if (problems.length) {
      problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      throw new Refusal(
        `Nothing was committed: ${problems.length} of the ${entries.length} IMEIs cannot be committed to order ${order.number}. Fix ${problems.length === 1 ? 'it' : 'them'} and submit the paste again.`,
        { problems },
      );
    }

    const now = new Date();
    for (const [lineId, ids] of assignments) {
      await tx
        .update(devices)
        .set({ orderLineId: lineId, committedAt: now, updatedAt: now })
        .where(and(eq(devices.sellerId, sellerId), inArray(devices.id, ids)));
    }
    await touchOrder(tx, order);
    const imeis = candidates.map((c) => c.value);
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.commit',
      entityType: 'sales_order',
      entityId: order.id,
      details: {
        number: order.number,
        count: imeis.length,
        imeis: imeis.slice(0, 50),
        ...(overridden.length ? { commitAnyway: true, unsellable: overridden.slice(0, 50) } : {}),
      },
    });
    return { committed: imeis.length, imeis, unsellable: overridden };
  });
}

/** A status that does not allow committing refuses every IMEI, naming the statuses that would. */
async function refuseStatus(tx: DbOrTx, order: LockedOrder, entries: PastedEntry[]): Promise<never> {
  const allowing = await tx
    .select({ name: orderStatuses.name })
    .from(orderStatuses)
    .where(and(eq(orderStatuses.sellerId, order.sellerId), eq(orderStatuses.allowsCommitting, true)))
    .orderBy(asc(orderStatuses.position));
  const reason = `order ${order.number} is ${order.statusName}, a status that does not allow committing devices`;
  throw new Refusal(
    `Nothing was committed: ${reason}.${allowing.length ? ` Change its status first (${allowing.map((s) => s.name).join(', ')} allows it).` : ''}`,
    { problems: entries.map((e) => ({ line: e.line, value: e.value, reason })) },
  );
}

/** The order's lines, locked, in the order staff see them. */
async function lockLines(tx: DbOrTx, order: LockedOrder): Promise<OrderLine[]> {
  return tx
    .select({
      id: salesOrderLines.id,
      productId: salesOrderLines.productId,
      quantity: salesOrderLines.quantity,
      sku: products.sku,
      picked: sql<boolean>`exists (select 1 from unit_holds h where h.order_line_id = ${salesOrderLines.id})`,
    })
    .from(salesOrderLines)
    .innerJoin(products, eq(products.id, salesOrderLines.productId))
    .where(and(eq(salesOrderLines.sellerId, order.sellerId), eq(salesOrderLines.orderId, order.id)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id))
    .for('update', { of: salesOrderLines });
}

/** Invalid and repeated IMEIs are problems; the rest are looked up. */
function checkPastedImeis(entries: PastedEntry[]): { problems: LineProblem[]; candidates: PastedEntry[] } {
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const candidates: PastedEntry[] = [];
  for (const entry of entries) {
    const problem = imeiProblem(entry.value);
    if (problem) {
      problems.push({ line: entry.line, value: entry.value, reason: `not a valid IMEI: ${imeiProblemMessage[problem]}` });
    } else if (firstLineOf.has(entry.value)) {
      problems.push({ line: entry.line, value: entry.value, reason: `listed twice in this paste (also on line ${firstLineOf.get(entry.value)})` });
    } else {
      firstLineOf.set(entry.value, entry.line);
      candidates.push(entry);
    }
  }
  return { problems, candidates };
}

/** The seller's devices with these IMEIs, locked in id order. */
async function lockDevices(tx: DbOrTx, params: { sellerId: number; imeis: string[] }): Promise<FoundDevice[]> {
  if (!params.imeis.length) return [];
  return tx
    .select({
      id: devices.id,
      imei: devices.imei,
      productId: devices.productId,
      orderLineId: devices.orderLineId,
      sku: products.sku,
      statusName: inventoryStatuses.name,
      sellable: sql<boolean>`${portalForSaleStatuses.statusId} is not null`,
      heldLineId: sql<number | null>`(select h.order_line_id from unit_holds h where h.device_id = ${devices.id})`,
      heldOrderNumber: sql<number | null>`(select o.number from unit_holds h join sales_orders o on o.id = h.order_id where h.device_id = ${devices.id})`,
    })
    .from(devices)
    .innerJoin(products, eq(products.id, devices.productId))
    .innerJoin(inventoryStatuses, eq(inventoryStatuses.id, devices.statusId))
    .leftJoin(
      portalForSaleStatuses,
      and(eq(portalForSaleStatuses.sellerId, devices.sellerId), eq(portalForSaleStatuses.statusId, devices.statusId)),
    )
    .where(and(eq(devices.sellerId, params.sellerId), inArray(devices.imei, params.imeis)))
    .orderBy(asc(devices.id))
    .for('update', { of: devices });
}

/** Order numbers of devices committed elsewhere, to name them. */
async function ordersOfOtherLines(
  tx: DbOrTx,
  params: { sellerId: number; found: FoundDevice[]; lineIds: number[] },
): Promise<Map<number, number>> {
  const otherLineIds = [
    ...new Set(params.found.map((d) => d.orderLineId).filter((id): id is number => id !== null && !params.lineIds.includes(id))),
  ];
  const otherOrders = otherLineIds.length
    ? await tx
        .select({ lineId: salesOrderLines.id, number: salesOrders.number })
        .from(salesOrderLines)
        .innerJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
        .where(and(eq(salesOrderLines.sellerId, params.sellerId), inArray(salesOrderLines.id, otherLineIds)))
    : [];
  return new Map(otherOrders.map((o) => [o.lineId, o.number]));
}

/** What each line still lacks: ordered minus already committed. */
async function roomOnLines(tx: DbOrTx, params: { sellerId: number; lines: OrderLine[] }): Promise<Map<number, LineRoom>> {
  const lineIds = params.lines.map((l) => l.id);
  const committedCounts = lineIds.length
    ? await tx
        .select({ lineId: devices.orderLineId, n: sql<number>`count(*)::int` })
        .from(devices)
        .where(and(eq(devices.sellerId, params.sellerId), inArray(devices.orderLineId, lineIds)))
        .groupBy(devices.orderLineId)
    : [];
  return new Map(
    params.lines.map((l) => {
      const already = Number(committedCounts.find((c) => c.lineId === l.id)?.n ?? 0);
      return [l.id, { line: l, already, taken: 0, left: l.quantity - already }];
    }),
  );
}

/** Puts each device on the first line of its product with room; anything else is a problem. */
function assignDevices(params: {
  candidates: PastedEntry[];
  found: FoundDevice[];
  lines: OrderLine[];
  room: Map<number, LineRoom>;
  orderNumberOfLine: Map<number, number>;
  problems: LineProblem[];
  commitAnyway: boolean;
  overridden: Overridden[];
}): Map<number, number[]> {
  const { lines, room, problems } = params;
  const lineIds = lines.map((l) => l.id);
  const deviceByImei = new Map(params.found.map((d) => [d.imei!, d]));
  const assignments = new Map<number, number[]>();
  for (const entry of params.candidates) {
    const device = deviceByImei.get(entry.value);
    const refuse = (reason: string) => problems.push({ line: entry.line, value: entry.value, reason });
    if (!device) {
      refuse('no device with this IMEI in your inventory');
    } else if (device.orderLineId !== null && lineIds.includes(device.orderLineId)) {
      refuse(`already committed to this order`);
    } else if (device.orderLineId !== null) {
      const other = params.orderNumberOfLine.get(device.orderLineId);
      refuse(`already committed to ${other ? `order ${other}` : 'another order'}`);
    } else {
      const ofProduct = lines.filter((l) => l.productId === device.productId);
      if (!ofProduct.length) {
        refuse(`its product ${device.sku} is not on this order`);
        continue;
      }
      // A picked unit goes to the line it is held for; a line of picked units takes nothing else.
      const heldHere = device.heldLineId !== null && lineIds.includes(device.heldLineId);
      if (device.heldLineId !== null && !heldHere) {
        refuse(`is held for ${device.heldOrderNumber ? `order ${device.heldOrderNumber}` : 'another order'}: its buyer picked this unit`);
        continue;
      }
      const linesOfProduct = heldHere ? ofProduct.filter((l) => l.id === device.heldLineId) : ofProduct.filter((l) => !l.picked);
      if (!linesOfProduct.length) {
        refuse(`the line of ${device.sku} takes only the units the buyer picked`);
        continue;
      }
      if (!device.sellable) {
        if (!params.commitAnyway) {
          refuse(`is ${device.statusName}, not a sellable status (tick "Commit anyway" to commit it regardless)`);
          continue;
        }
        params.overridden.push({ imei: entry.value, status: device.statusName });
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
  return assignments;
}
