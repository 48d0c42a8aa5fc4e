import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderShipments, staffUsers } from '@/db/schema';
import { carrierName, checkTrackingNumber, isCarrierCode, trackingUrl, type CarrierCode } from '@/lib/shipments/carriers';
import { Refusal } from '@/lib/refusal';

export type ShipmentToRecord = { carrier: string; trackingNumber: string };
export type CheckedShipment = { carrier: CarrierCode; trackingNumber: string };

/** A recorded shipment as the order pages and emails show it, with its tracking link. */
export type ShipmentView = {
  id: number;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  /** Built from the carrier's template only; null for "Other". */
  trackingUrl: string | null;
  createdAt: Date;
  createdByName: string | null;
};

/**
 * The carriers and tracking numbers staff typed, trimmed and checked, each
 * once; refused as a whole (naming every bad line) so nothing half-records.
 */
export function checkShipments(input: ShipmentToRecord[]): CheckedShipment[] {
  const problems: { line: number; value: string; reason: string }[] = [];
  const checked: CheckedShipment[] = [];
  input.forEach((s, i) => {
    const number = checkTrackingNumber(String(s.trackingNumber ?? ''));
    if (!isCarrierCode(s.carrier)) problems.push({ line: i + 1, value: String(s.carrier ?? ''), reason: 'choose one of the carriers' });
    else if (!number.ok) problems.push({ line: i + 1, value: String(s.trackingNumber ?? '').trim(), reason: number.message });
    else if (!checked.some((c) => c.carrier === s.carrier && c.trackingNumber.toUpperCase() === number.value.toUpperCase())) {
      checked.push({ carrier: s.carrier, trackingNumber: number.value });
    }
  });
  if (problems.length) {
    const message = problems.length === 1 ? `That tracking number can't be recorded: ${problems[0]!.reason}.` : `${problems.length} tracking numbers can't be recorded.`;
    throw new Refusal(message, { code: 'invalid', problems, fieldErrors: { trackingNumber: [message] } });
  }
  return checked;
}

/** Writes the shipments of an order (already locked); one already recorded is left as it is. Returns those written. */
export async function insertShipments(
  tx: DbOrTx,
  params: { sellerId: number; orderId: number; shipments: CheckedShipment[]; createdBy: number | null },
): Promise<CheckedShipment[]> {
  if (!params.shipments.length) return [];
  const rows = await tx
    .insert(orderShipments)
    .values(
      params.shipments.map((s) => ({
        sellerId: params.sellerId,
        orderId: params.orderId,
        carrier: s.carrier,
        trackingNumber: s.trackingNumber,
        createdBy: params.createdBy,
      })),
    )
    .onConflictDoNothing()
    .returning({ carrier: orderShipments.carrier, trackingNumber: orderShipments.trackingNumber });
  return rows.map((r) => ({ carrier: r.carrier as CarrierCode, trackingNumber: r.trackingNumber }));
}

/** The order's shipments, oldest first, with their tracking links. */
export async function listOrderShipments(db: DbOrTx, params: { sellerId: number; orderId: number }): Promise<ShipmentView[]> {
  const rows = await db
    .select({
      id: orderShipments.id,
      carrier: orderShipments.carrier,
      trackingNumber: orderShipments.trackingNumber,
      createdAt: orderShipments.createdAt,
      createdByName: staffUsers.name,
    })
    .from(orderShipments)
    .leftJoin(staffUsers, and(eq(staffUsers.id, orderShipments.createdBy), eq(staffUsers.sellerId, params.sellerId)))
    .where(and(eq(orderShipments.sellerId, params.sellerId), eq(orderShipments.orderId, params.orderId)))
    .orderBy(asc(orderShipments.createdAt), asc(orderShipments.id));
  return rows.map((r) => ({ ...r, carrierName: carrierName(r.carrier), trackingUrl: trackingUrl(r.carrier, r.trackingNumber) }));
}

export async function countOrderShipments(db: DbOrTx, params: { sellerId: number; orderId: number }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(orderShipments)
    .where(and(eq(orderShipments.sellerId, params.sellerId), eq(orderShipments.orderId, params.orderId)));
  return Number(row?.n ?? 0);
}
