import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import type { StaffActor } from '@/db/queries/audit';
import { sequentialImei } from '@/lib/imei';
import type { SellerFixture } from './fixtures';

/** Builders for order and RMA tests; the shared ones live in fixtures.ts. */
let sequence = 0;

export async function addStaffActor(db: Db, seller: SellerFixture, role: s.StaffRole = 'staff'): Promise<StaffActor> {
  const n = ++sequence;
  const [user] = await db
    .insert(s.staffUsers)
    .values({
      sellerId: seller.sellerId,
      email: `staff${n}-${process.pid}-${seller.sellerId}@orders.test`,
      name: `Staff ${n}`,
      role,
      status: 'active',
    })
    .returning();
  return { staffUserId: user!.id, name: user!.name };
}

/** An order with lines, inserted directly (as the portal's checkout would leave it). */
export async function addOrder(
  db: Db,
  seller: SellerFixture,
  organizationId: number,
  lines: { productId: number; quantity: number; unitPrice?: number | null }[],
  options: { status?: string; channel?: string; paymentMethod?: string | null } = {},
) {
  const number = await nextDocumentNumber(db, { sellerId: seller.sellerId, kind: 'sales_order' });
  const [order] = await db
    .insert(s.salesOrders)
    .values({
      sellerId: seller.sellerId,
      number,
      organizationId,
      statusId: seller.orderStatus(options.status ?? 'Confirmed').id,
      channelId: seller.channel(options.channel ?? 'Phone').id,
      paymentMethodId: options.paymentMethod === null ? null : seller.paymentMethod(options.paymentMethod ?? 'Net 30').id,
    })
    .returning();
  const lineRows = await db
    .insert(s.salesOrderLines)
    .values(
      lines.map((l, position) => ({
        sellerId: seller.sellerId,
        orderId: order!.id,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: l.unitPrice === undefined ? 10000 : l.unitPrice,
        position,
      })),
    )
    .returning();
  return { order: order!, lines: lineRows };
}

/** Commits devices to a line directly (the state a past order leaves). */
export async function commitDirectly(db: Db, lineId: number, deviceIds: number[]) {
  await db
    .update(s.devices)
    .set({ orderLineId: lineId, committedAt: new Date() })
    .where(inArray(s.devices.id, deviceIds));
}

/** A valid IMEI that no fixture hands out. */
export function unknownImei(): string {
  return sequentialImei(900_000 + ++sequence + process.pid, '01');
}

/** The same IMEI with a wrong check digit. */
export function withBadCheckDigit(imei: string): string {
  const last = Number(imei.at(-1));
  return imei.slice(0, 14) + String((last + 1) % 10);
}

export async function devicesOfLine(db: Db, lineId: number) {
  return db.select().from(s.devices).where(eq(s.devices.orderLineId, lineId));
}

export async function auditOf(db: Db, sellerId: number, entityType: string, entityId: number) {
  return db
    .select()
    .from(s.auditEntries)
    .where(and(eq(s.auditEntries.sellerId, sellerId), eq(s.auditEntries.entityType, entityType), eq(s.auditEntries.entityId, entityId)));
}
