import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import type { DeviceCondition } from '@/lib/device-condition';
import { Refusal } from '@/lib/refusal';
import { conditionOfRow } from './device-detail';

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : a) === JSON.stringify(b instanceof Date ? b.toISOString() : b);

/**
 * Saves a device's condition from its page, audited with each changed value
 * (old → new). Another seller's device id is refused as not found and nothing changes.
 * A committed device keeps its sold condition (the snapshot of the sale).
 */
export async function updateDeviceCondition(
  db: DbOrTx,
  params: { sellerId: number; deviceId: number; actor: AuditActor; condition: DeviceCondition },
): Promise<{ changed: string[] }> {
  const { sellerId, deviceId } = params;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.sellerId, sellerId), eq(devices.id, deviceId)))
      .for('update');
    if (!current) throw new Refusal('That device is not in your inventory.', { code: 'not_found' });
    const before = conditionOfRow(current);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(before) as (keyof DeviceCondition)[]) {
      if (!same(before[key], params.condition[key])) changes[key] = { from: before[key], to: params.condition[key] };
    }
    const changed = Object.keys(changes);
    if (!changed.length) return { changed };
    await tx
      .update(devices)
      .set({ ...params.condition, updatedAt: new Date() })
      .where(and(eq(devices.sellerId, sellerId), eq(devices.id, deviceId)));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'device.condition',
      entityType: 'device',
      entityId: deviceId,
      details: { identifier: current.imei ?? current.serial, changes },
    });
    return { changed };
  });
}
