import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, inventoryStatuses, rmaLines, rmas, warehouses, type RmaStatus } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { recordAudit, type StaffActor } from '../audit';
import { rmaStatusLabel, rmaTransitions } from '@/lib/rmas/statuses';

export type ReceiveMove = { statusId?: number | null; warehouseId?: number | null };

export type ChangeRmaStatusParams = {
  sellerId: number;
  rmaNumber: number;
  to: RmaStatus;
  resolution?: 'refund' | 'credit' | null;
  move?: ReceiveMove;
  /** Why the RMA is rejected; required when rejecting, shown to the buyer. */
  reason?: string | null;
  actor: StaffActor;
};

type LockedRma = typeof rmas.$inferSelect;

/**
 * Moves an RMA along Requested -> Open -> Received -> Resolved (as a refund
 * or a credit), or to Rejected; any other step is refused. Receiving can move
 * the returned devices (disposition "return") to a chosen inventory status
 * and warehouse in the same transaction.
 */
export async function changeRmaStatus(db: DbOrTx, params: ChangeRmaStatusParams) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const rma = await lockRma(tx, params);
    const { moved, movedTo } = params.to === 'received' && params.move ? await moveReturnedDevices(tx, rma, params.move) : { moved: 0, movedTo: {} };

    const rejectionReason = params.to === 'rejected' ? params.reason!.trim() : rma.rejectionReason;
    await tx
      .update(rmas)
      .set({
        status: params.to,
        resolution: params.to === 'resolved' ? params.resolution : rma.resolution,
        rejectionReason,
        updatedAt: new Date(),
      })
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
        ...(params.to === 'rejected' ? { reason: rejectionReason } : {}),
        ...(moved ? { moved, ...movedTo } : {}),
      },
    });
    return { moved };
  });
}

/** The RMA, locked, once the step asked for is one it may take. */
async function lockRma(tx: DbOrTx, params: ChangeRmaStatusParams): Promise<LockedRma> {
  const [rma] = await tx
    .select()
    .from(rmas)
    .where(and(eq(rmas.sellerId, params.sellerId), eq(rmas.number, params.rmaNumber)))
    .for('update');
  if (!rma) throw new Refusal(`RMA ${params.rmaNumber} was not found.`, { code: 'not_found' });
  const allowed = rmaTransitions[rma.status];
  if (!allowed.includes(params.to)) {
    throw new Refusal(
      `RMA ${rma.number} is ${rmaStatusLabel[rma.status]}; it cannot become ${rmaStatusLabel[params.to]}.` +
        (allowed.length ? ` Next it can become ${allowed.map((s) => rmaStatusLabel[s]).join(' or ')}.` : ' It is closed.'),
    );
  }
  if (params.to === 'rejected' && !params.reason?.trim()) {
    throw new Refusal(`Say why RMA ${rma.number} is rejected; the buyer sees the reason.`, {
      code: 'invalid',
      fieldErrors: { reason: ['Enter the reason the buyer will see.'] },
    });
  }
  if (params.to === 'resolved' && !params.resolution) {
    throw new Refusal('Choose how the RMA is resolved: refund or credit.', { fieldErrors: { resolution: ['Choose refund or credit.'] } });
  }
  return rma;
}

/** On receipt, the devices coming back (disposition "return", not rejected) go to the chosen status and warehouse. */
async function moveReturnedDevices(
  tx: DbOrTx,
  rma: LockedRma,
  move: ReceiveMove,
): Promise<{ moved: number; movedTo: Record<string, string> }> {
  const sellerId = rma.sellerId;
  const set: Partial<typeof devices.$inferInsert> = {};
  const movedTo: Record<string, string> = {};
  if (move.statusId) {
    const [status] = await tx
      .select({ id: inventoryStatuses.id, name: inventoryStatuses.name })
      .from(inventoryStatuses)
      .where(and(eq(inventoryStatuses.sellerId, sellerId), eq(inventoryStatuses.id, move.statusId)));
    if (!status) throw new Refusal('Choose one of your inventory statuses.', { fieldErrors: { statusId: ['Choose a status.'] } });
    set.statusId = status.id;
    movedTo.status = status.name;
  }
  if (move.warehouseId) {
    const [warehouse] = await tx
      .select({ id: warehouses.id, code: warehouses.code })
      .from(warehouses)
      .where(and(eq(warehouses.sellerId, sellerId), eq(warehouses.id, move.warehouseId)));
    if (!warehouse) throw new Refusal('Choose one of your warehouses.', { fieldErrors: { warehouseId: ['Choose a warehouse.'] } });
    set.warehouseId = warehouse.id;
    movedTo.warehouse = warehouse.code;
  }
  if (!Object.keys(set).length) return { moved: 0, movedTo };
  const returned = await tx
    .select({ deviceId: rmaLines.deviceId })
    .from(rmaLines)
    .where(
      and(eq(rmaLines.sellerId, sellerId), eq(rmaLines.rmaId, rma.id), eq(rmaLines.disposition, 'return'), isNull(rmaLines.rejectionReason)),
    );
  if (!returned.length) return { moved: 0, movedTo };
  const updated = await tx
    .update(devices)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(devices.sellerId, sellerId), inArray(devices.id, returned.map((r) => r.deviceId))))
    .returning({ id: devices.id });
  return { moved: updated.length, movedTo };
}
