import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, salesOrderLines } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { Refusal } from '@/lib/refusal';
import { lockOrder, touchOrder } from './lock-order';

/**
 * Takes devices off an order: one device, or every device of one line. They
 * count as available again at once (the device triggers). Allowed in any
 * order status, so a cancelled order can give its devices back.
 */
export async function uncommitDevices(
  db: DbOrTx,
  params: { sellerId: number; orderNumber: number; actor: StaffActor } & ({ deviceId: number } | { lineId: number }),
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, { sellerId, number: params.orderNumber });
    const lines = await tx
      .select({ id: salesOrderLines.id })
      .from(salesOrderLines)
      .where(and(eq(salesOrderLines.sellerId, sellerId), eq(salesOrderLines.orderId, order.id)))
      .for('update');
    const lineIds = lines.map((l) => l.id);
    let scope;
    if ('lineId' in params) {
      if (!lineIds.includes(params.lineId)) throw new Refusal('That line is not on this order.');
      scope = eq(devices.orderLineId, params.lineId);
    } else {
      if (!lineIds.length) throw new Refusal('That device is not committed to this order.');
      scope = and(eq(devices.id, params.deviceId), inArray(devices.orderLineId, lineIds));
    }
    const released = await tx
      .update(devices)
      .set({ orderLineId: null, committedAt: null, updatedAt: new Date() })
      .where(and(eq(devices.sellerId, sellerId), scope))
      .returning({ imei: devices.imei, serial: devices.serial });
    if (!released.length) {
      throw new Refusal('lineId' in params ? 'That line has no committed devices.' : 'That device is not committed to this order.');
    }
    await touchOrder(tx, order);
    const imeis = released.map((d) => d.imei ?? d.serial ?? '');
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.uncommit',
      entityType: 'sales_order',
      entityId: order.id,
      details: { number: order.number, count: imeis.length, imeis: imeis.slice(0, 50) },
    });
    return { uncommitted: imeis.length, imeis };
  });
}
