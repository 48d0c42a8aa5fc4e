import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, orderStatuses, organizations, products, rmaLines, rmas, salesOrderLines, salesOrders } from '@/db/schema';
import { imeiProblem, imeiProblemMessage } from '@/lib/imei';
import { describeProduct } from '@/lib/products';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { openRmaStatuses } from '@/lib/rmas/statuses';

/** Order statuses named like this mean the order did not happen: its devices were not sold. */
const cancelledStatus = sql`lower(${orderStatuses.name}) in ('cancelled', 'canceled')`;

export type RmaCandidate = {
  deviceId: number;
  imei: string;
  line: number;
  sku: string;
  description: string;
  orderNumber: number;
  /** What the organization paid for it; null when the line was "to be quoted". */
  unitPrice: number | null;
};

export type CheckRmaDevicesParams = {
  sellerId: number;
  organizationId: number;
  entries: { value: string; line: number }[];
  lock?: boolean;
};

/**
 * Which IMEIs may go on an RMA of an organization: each must be a valid IMEI
 * of a device of this seller that was sold to that organization (committed
 * to one of its orders that is not cancelled) and not on another open RMA.
 * With `lock`, the devices stay locked for the rest of the transaction, so two
 * RMAs cannot take the same device at once.
 */
export async function checkRmaDevices(tx: DbOrTx, params: CheckRmaDevicesParams) {
  const { sellerId } = params;
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.sellerId, sellerId), eq(organizations.id, params.organizationId)));
  if (!organization) throw new Refusal('Choose an organization.', { fieldErrors: { organizationId: ['Choose an organization.'] } });
  if (!params.entries.length) throw new Refusal('Paste at least one IMEI.');

  const { problems, wanted } = checkPastedImeis(params.entries);
  const found = await findDevices(tx, { sellerId, imeis: wanted.map((w) => w.value), lock: params.lock });
  const openRmaOf = await openRmasOfDevices(tx, { sellerId, deviceIds: found.map((d) => d.id) });
  const byImei = new Map(found.map((d) => [d.imei!, d]));

  const candidates: RmaCandidate[] = [];
  for (const entry of wanted) {
    const device = byImei.get(entry.value);
    const reason = device ? whyNotReturnable(device, organization, openRmaOf) : 'no device with this IMEI in your inventory';
    if (reason) problems.push({ line: entry.line, value: entry.value, reason });
    else {
      candidates.push({
        deviceId: device!.id,
        imei: entry.value,
        line: entry.line,
        sku: device!.product.sku,
        description: describeProduct(device!.product),
        orderNumber: device!.orderNumber!,
        unitPrice: device!.unitPrice,
      });
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { organization, candidates, problems };
}

type PastedEntry = { value: string; line: number };

/** Invalid and repeated IMEIs are problems; the rest are looked up. */
function checkPastedImeis(entries: PastedEntry[]): { problems: LineProblem[]; wanted: PastedEntry[] } {
  const problems: LineProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const wanted: PastedEntry[] = [];
  for (const entry of entries) {
    const problem = imeiProblem(entry.value);
    if (problem) problems.push({ line: entry.line, value: entry.value, reason: `not a valid IMEI: ${imeiProblemMessage[problem]}` });
    else if (firstLineOf.has(entry.value)) {
      problems.push({ line: entry.line, value: entry.value, reason: `listed twice (also on line ${firstLineOf.get(entry.value)})` });
    } else {
      firstLineOf.set(entry.value, entry.line);
      wanted.push(entry);
    }
  }
  return { problems, wanted };
}

/** The seller's devices with these IMEIs and the order (and organization) each was sold on; locked with `lock`. */
async function findDevices(tx: DbOrTx, params: { sellerId: number; imeis: string[]; lock?: boolean }) {
  const query = tx
    .select({
      id: devices.id,
      imei: devices.imei,
      product: products,
      orderLineId: devices.orderLineId,
      unitPrice: salesOrderLines.unitPrice,
      orderNumber: salesOrders.number,
      orderOrganizationId: salesOrders.organizationId,
      orderOrganizationName: organizations.name,
      orderCancelled: sql<boolean | null>`${cancelledStatus}`,
    })
    .from(devices)
    .innerJoin(products, eq(products.id, devices.productId))
    .leftJoin(salesOrderLines, eq(salesOrderLines.id, devices.orderLineId))
    .leftJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
    .leftJoin(organizations, eq(organizations.id, salesOrders.organizationId))
    .leftJoin(orderStatuses, eq(orderStatuses.id, salesOrders.statusId))
    .where(and(eq(devices.sellerId, params.sellerId), inArray(devices.imei, params.imeis)))
    .orderBy(asc(devices.id));
  return params.imeis.length ? await (params.lock ? query.for('update', { of: devices }) : query) : [];
}

type FoundDevice = Awaited<ReturnType<typeof findDevices>>[number];

/** The open RMA each device is already on, by device id. */
async function openRmasOfDevices(tx: DbOrTx, params: { sellerId: number; deviceIds: number[] }): Promise<Map<number, number>> {
  const onOpenRma = params.deviceIds.length
    ? await tx
        .select({ deviceId: rmaLines.deviceId, number: rmas.number })
        .from(rmaLines)
        .innerJoin(rmas, eq(rmas.id, rmaLines.rmaId))
        .where(
          and(
            eq(rmas.sellerId, params.sellerId),
            inArray(rmas.status, openRmaStatuses),
            inArray(rmaLines.deviceId, params.deviceIds),
          ),
        )
    : [];
  return new Map(onOpenRma.map((r) => [r.deviceId, r.number]));
}

/** Why the organization cannot return this device, or null when it can. */
function whyNotReturnable(
  device: FoundDevice,
  organization: { id: number; name: string },
  openRmaOf: Map<number, number>,
): string | null {
  if (device.orderLineId === null || device.orderNumber === null) return `never sold: it is not committed to any order`;
  if (device.orderOrganizationId !== organization.id) {
    return `sold to ${device.orderOrganizationName} (order ${device.orderNumber}), not to ${organization.name}`;
  }
  if (device.orderCancelled) return `its order ${device.orderNumber} was cancelled, so it was not sold`;
  if (openRmaOf.has(device.id)) return `already on open RMA ${openRmaOf.get(device.id)}`;
  return null;
}
