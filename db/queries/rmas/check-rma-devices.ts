import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, orderStatuses, organizations, products, rmaLines, rmas, salesOrderLines, salesOrders } from '@/db/schema';
import { imeiProblem, imeiProblemMessage } from '@/lib/imei';
import { describeProduct } from '@/lib/products';
import { Refusal, type PasteProblem } from '../refusal';
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

/**
 * Which IMEIs may go on an RMA of an organization: each must be a valid IMEI
 * of a device of this seller that was sold to that organization (committed
 * to one of its orders that is not cancelled) and not on another open RMA.
 * With `lock`, the devices stay locked for the rest of the transaction, so two
 * RMAs cannot take the same device at once.
 */
export async function checkRmaDevices(
  tx: DbOrTx,
  params: { sellerId: number; organizationId: number; entries: { value: string; line: number }[]; lock?: boolean },
) {
  const { sellerId } = params;
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.sellerId, sellerId), eq(organizations.id, params.organizationId)));
  if (!organization) throw new Refusal('Choose an organization.', [], { organizationId: ['Choose an organization.'] });
  if (!params.entries.length) throw new Refusal('Paste at least one IMEI.');

  const problems: PasteProblem[] = [];
  const firstLineOf = new Map<string, number>();
  const wanted: { value: string; line: number }[] = [];
  for (const entry of params.entries) {
    const problem = imeiProblem(entry.value);
    if (problem) problems.push({ imei: entry.value, line: entry.line, reason: `not a valid IMEI: ${imeiProblemMessage[problem]}` });
    else if (firstLineOf.has(entry.value)) {
      problems.push({ imei: entry.value, line: entry.line, reason: `listed twice (also on line ${firstLineOf.get(entry.value)})` });
    } else {
      firstLineOf.set(entry.value, entry.line);
      wanted.push(entry);
    }
  }

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
    .where(and(eq(devices.sellerId, sellerId), inArray(devices.imei, wanted.map((w) => w.value))))
    .orderBy(asc(devices.id));
  const found = wanted.length ? await (params.lock ? query.for('update', { of: devices }) : query) : [];
  const byImei = new Map(found.map((d) => [d.imei!, d]));

  const onOpenRma = found.length
    ? await tx
        .select({ deviceId: rmaLines.deviceId, number: rmas.number })
        .from(rmaLines)
        .innerJoin(rmas, eq(rmas.id, rmaLines.rmaId))
        .where(
          and(
            eq(rmas.sellerId, sellerId),
            inArray(rmas.status, openRmaStatuses),
            inArray(rmaLines.deviceId, found.map((d) => d.id)),
          ),
        )
    : [];
  const openRmaOf = new Map(onOpenRma.map((r) => [r.deviceId, r.number]));

  const candidates: RmaCandidate[] = [];
  for (const entry of wanted) {
    const device = byImei.get(entry.value);
    const refuse = (reason: string) => problems.push({ imei: entry.value, line: entry.line, reason });
    if (!device) refuse('no device with this IMEI in your inventory');
    else if (device.orderLineId === null || device.orderNumber === null) refuse(`never sold: it is not committed to any order`);
    else if (device.orderOrganizationId !== organization.id) {
      refuse(`sold to ${device.orderOrganizationName} (order ${device.orderNumber}), not to ${organization.name}`);
    } else if (device.orderCancelled) refuse(`its order ${device.orderNumber} was cancelled, so it was not sold`);
    else if (openRmaOf.has(device.id)) refuse(`already on open RMA ${openRmaOf.get(device.id)}`);
    else {
      candidates.push({
        deviceId: device.id,
        imei: entry.value,
        line: entry.line,
        sku: device.product.sku,
        description: describeProduct(device.product),
        orderNumber: device.orderNumber,
        unitPrice: device.unitPrice,
      });
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { organization, candidates, problems };
}
