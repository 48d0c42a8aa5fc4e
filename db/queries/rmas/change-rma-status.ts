import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, inventoryStatuses, rmaLines, rmas, warehouses, type RmaStatus } from '@/db/schema';
import { recordAudit } from '../audit';
import { Refusal } from '../refusal';
import type { StaffActor } from '../orders/lock-order';
import { rmaStatusLabel, rmaTransitions } from '@/lib/rmas/statuses';

export type ReceiveMove = { statusId?: number | null; warehouseId?: number | null };

/**
 * Moves an RMA along Requested -> Open -> Received -> Resolved (as a refund
 * or a credit), or to Rejected; any other step is refused. Receiving can move
 * the returned devices (disposition "return") to a chosen inventory status
 * and warehouse in the same transaction.
 */
export async function changeRmaStatus(
  db: DbOrTx,
  params: {
    sellerId: number;
    rmaNumber: number;
    to: RmaStatus;
    resolution?: 'refund' | 'credit' | null;
    move?: ReceiveMove;
    actor: StaffActor;
  },
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const [rma] = await tx
      .select()
      .from(rmas)
      .where(and(eq(rmas.sellerId, sellerId), eq(rmas.number, params.rmaNumber)))
      .for('update');
    if (!rma) throw new Refusal(`RMA ${params.rmaNumber} was not found.`);
    const allowed = rmaTransitions[rma.status];
    if (!allowed.includes(params.to)) {
      throw new Refusal(
        `RMA ${rma.number} is ${rmaStatusLabel[rma.status]}; it cannot become ${rmaStatusLabel[params.to]}.` +
          (allowed.length ? ` Next it can become ${allowed.map((s) => rmaStatusLabel[s]).join(' or ')}.` : ' It is closed.'),
      );
    }
    if (params.to === 'resolved' && !params.resolution) {
      throw new Refusal('Choose how the RMA is resolved: refund or credit.', [], { resolution: ['Choose refund or credit.'] });
    }

    let moved = 0;
    const move = params.to === 'received' ? params.move : undefined;
    const set: Partial<typeof devices.$inferInsert> = {};
    const movedTo: Record<string, string> = {};
    if (move?.statusId) {
      const [status] = await tx
        .select({ id: inventoryStatuses.id, name: inventoryStatuses.name })
        .from(inventoryStatuses)
        .where(and(eq(inventoryStatuses.sellerId, sellerId), eq(inventoryStatuses.id, move.statusId)));
      if (!status) throw new Refusal('Choose one of your inventory statuses.', [], { statusId: ['Choose a status.'] });
      set.statusId = status.id;
      movedTo.status = status.name;
    }
    if (move?.warehouseId) {
      const [warehouse] = await tx
        .select({ id: warehouses.id, code: warehouses.code })
        .from(warehouses)
        .where(and(eq(warehouses.sellerId, sellerId), eq(warehouses.id, move.warehouseId)));
      if (!warehouse) throw new Refusal('Choose one of your warehouses.', [], { warehouseId: ['Choose a warehouse.'] });
      set.warehouseId = warehouse.id;
      movedTo.warehouse = warehouse.code;
    }
    if (Object.keys(set).length) {
      const returned = await tx
        .select({ deviceId: rmaLines.deviceId })
        .from(rmaLines)
        .where(and(eq(rmaLines.sellerId, sellerId), eq(rmaLines.rmaId, rma.id), eq(rmaLines.disposition, 'return')));
      if (returned.length) {
        const updated = await tx
          .update(devices)
          .set({ ...set, updatedAt: new Date() })
          .where(and(eq(devices.sellerId, sellerId), inArray(devices.id, returned.map((r) => r.deviceId))))
          .returning({ id: devices.id });
        moved = updated.length;
      }
    }

    await tx
      .update(rmas)
      .set({ status: params.to, resolution: params.to === 'resolved' ? params.resolution : rma.resolution, updatedAt: new Date() })
      .where(eq(rmas.id, rma.id));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'rma.status',
      entityType: 'rma',
      entityId: rma.id,
      details: {
        number: rma.number,
        from: rma.status,
        to: params.to,
        ...(params.to === 'resolved' ? { resolution: params.resolution } : {}),
        ...(moved ? { moved, ...movedTo } : {}),
      },
    });
    return { moved };
  });
}
