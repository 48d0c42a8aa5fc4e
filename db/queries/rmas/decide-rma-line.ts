import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, rmaLines, rmas, salesOrderLines, type RmaDisposition } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { formatMoney, moneyLimitText, readMoney } from '@/lib/money';
import { decidableRmaStatuses, rmaStatusLabel } from '@/lib/rmas/statuses';
import { sellerCurrency } from '@/db/queries/orders/lock-order';
import { recordAudit, type StaffActor } from '../audit';

/** What staff decide for one device of an RMA: approve it as they set it, or reject it with a reason. */
export type RmaLineDecision =
  | { kind: 'approve'; disposition: RmaDisposition; /** Typed in the seller's currency; empty means no refund. */ refund: string }
  | { kind: 'reject'; reason: string };

export type DecideRmaLineParams = {
  sellerId: number;
  rmaNumber: number;
  lineId: number;
  decision: RmaLineDecision;
  actor: StaffActor;
};

/**
 * Staff decide one line of an RMA while it is Requested or Open: set the
 * disposition and the refund they approve (never more than the device was
 * sold for, never above the money limit; keeping a device needs a refund
 * above zero), or reject the device with a reason the buyer sees (its refund
 * is then 0). Approving a rejected line takes it back. What the buyer asked
 * stays on the line; the change is audited with before and after.
 */
export async function decideRmaLine(db: DbOrTx, params: DecideRmaLineParams) {
  const { sellerId, decision } = params;
  return db.transaction(async (tx) => {
    const [rma] = await tx
      .select({ id: rmas.id, number: rmas.number, status: rmas.status })
      .from(rmas)
      .where(and(eq(rmas.sellerId, sellerId), eq(rmas.number, params.rmaNumber)))
      .for('update');
    if (!rma) throw new Refusal(`RMA ${params.rmaNumber} was not found.`, { code: 'not_found' });
    if (!decidableRmaStatuses.includes(rma.status)) {
      throw new Refusal(
        `RMA ${rma.number} is ${rmaStatusLabel[rma.status]}; its devices can be changed only while it is Requested or Open.`,
        { code: 'conflict' },
      );
    }
    const [line] = await tx
      .select({
        id: rmaLines.id,
        disposition: rmaLines.disposition,
        refundAmount: rmaLines.refundAmount,
        rejectionReason: rmaLines.rejectionReason,
        imei: devices.imei,
        serial: devices.serial,
        unitPrice: salesOrderLines.unitPrice,
      })
      .from(rmaLines)
      .innerJoin(devices, and(eq(devices.id, rmaLines.deviceId), eq(devices.sellerId, sellerId)))
      .leftJoin(salesOrderLines, and(eq(salesOrderLines.id, devices.orderLineId), eq(salesOrderLines.sellerId, sellerId)))
      .where(and(eq(rmaLines.sellerId, sellerId), eq(rmaLines.rmaId, rma.id), eq(rmaLines.id, params.lineId)))
      .for('update', { of: rmaLines });
    if (!line) throw new Refusal(`That device is not on RMA ${rma.number}.`, { code: 'not_found' });
    const device = line.imei ?? line.serial ?? `line ${line.id}`;

    let next: { disposition: RmaDisposition; refundAmount: number; rejectionReason: string | null };
    if (decision.kind === 'reject') {
      const reason = decision.reason.trim();
      if (!reason) {
        throw new Refusal(`Say why ${device} is rejected; the buyer sees the reason.`, {
          code: 'invalid',
          fieldErrors: { reason: ['Enter the reason the buyer will see.'] },
        });
      }
      next = { disposition: line.disposition, refundAmount: 0, rejectionReason: reason };
    } else {
      const currency = await sellerCurrency(tx, sellerId);
      const refund = readRefund(decision.refund, currency);
      if (decision.disposition === 'keep_partial_refund' && refund <= 0) {
        throw refundRefusal(`Keeping ${device} needs a partial refund above zero.`);
      }
      if (line.unitPrice !== null && refund > line.unitPrice) {
        throw refundRefusal(
          `The refund ${formatMoney(refund, currency)} for ${device} is more than the ${formatMoney(line.unitPrice, currency)} it was sold for.`,
        );
      }
      next = { disposition: decision.disposition, refundAmount: refund, rejectionReason: null };
    }

    const before = { disposition: line.disposition, refund: line.refundAmount, rejectionReason: line.rejectionReason };
    const after = { disposition: next.disposition, refund: next.refundAmount, rejectionReason: next.rejectionReason };
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    if (changed) {
      await tx.update(rmaLines).set(next).where(eq(rmaLines.id, line.id));
      await tx.update(rmas).set({ updatedAt: new Date() }).where(eq(rmas.id, rma.id));
      await recordAudit(tx, {
        sellerId,
        actor: params.actor,
        action: decision.kind === 'reject' ? 'rma.line_reject' : 'rma.line_decide',
        entityType: 'rma',
        entityId: rma.id,
        details: { number: rma.number, device, before, after },
      });
    }
    return { changed, device, rejected: next.rejectionReason !== null };
  });
}

function readRefund(typed: string, currency: string): number {
  if (typed.trim() === '') return 0;
  const reading = readMoney(typed, currency);
  if (!reading.ok) {
    throw refundRefusal(reading.problem === 'too_large' ? `The refund is too large: amounts are ${moneyLimitText(currency)}.` : reading.message);
  }
  return reading.minor;
}

const refundRefusal = (message: string) => new Refusal(message, { code: 'invalid', fieldErrors: { refund: [message] } });
