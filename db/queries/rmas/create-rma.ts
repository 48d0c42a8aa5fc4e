import type { DbOrTx } from '@/db';
import { rmaLines, rmas, type RmaDisposition } from '@/db/schema';
import { formatMoney, moneyLimitText, readMoney } from '@/lib/money';
import { recordAudit, type StaffActor } from '../audit';
import { nextDocumentNumber } from '../document-numbers';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { sellerCurrency } from '../orders/lock-order';
import { checkRmaDevices } from './check-rma-devices';

export type RmaLineInput = {
  imei: string;
  reason: string;
  disposition: RmaDisposition;
  /** Typed in the seller's currency; empty means no refund. */
  refund: string;
};

export const MAX_RMA_DEVICES = 500;

/**
 * An RMA created by staff for devices sold to one organization, opened at
 * once (staff authorize it as they create it). Every device is checked again
 * under lock, and each line needs a reason; a refund is never above what the
 * device was sold for, and keeping a device needs a partial refund above zero.
 * Any problem refuses the whole RMA and names each IMEI.
 */
export async function createRma(
  db: DbOrTx,
  params: { sellerId: number; organizationId: number; notes?: string | null; lines: RmaLineInput[]; actor: StaffActor },
) {
  const { sellerId } = params;
  if (params.lines.length > MAX_RMA_DEVICES) throw new Refusal(`At most ${MAX_RMA_DEVICES} devices per RMA.`);
  return db.transaction(async (tx) => {
    const currency = await sellerCurrency(tx, sellerId);
    const entries = params.lines.map((l, i) => ({ value: l.imei.trim(), line: i + 1 }));
    const { organization, candidates, problems } = await checkRmaDevices(tx, {
      sellerId,
      organizationId: params.organizationId,
      entries,
      lock: true,
    });
    const byLine = new Map(candidates.map((c) => [c.line, c]));
    const values: (typeof rmaLines.$inferInsert)[] = [];
    const lineProblems: LineProblem[] = [];
    params.lines.forEach((input, i) => {
      const candidate = byLine.get(i + 1);
      const refuse = (reason: string) => lineProblems.push({ line: i + 1, value: input.imei.trim(), reason });
      const reason = input.reason.trim();
      if (!reason) refuse('give a reason for the return');
      else if (reason.length > 500) refuse('the reason is longer than 500 characters');
      const reading = input.refund.trim() === '' ? ({ ok: true, minor: 0 } as const) : readMoney(input.refund, currency);
      if (!reading.ok) {
        refuse(
          reading.problem === 'too_large'
            ? `the refund is too large: amounts are ${moneyLimitText(currency)}`
            : `the refund "${input.refund.slice(0, 30)}" is not an amount`,
        );
        return;
      }
      const refund = reading.minor;
      if (input.disposition === 'keep_partial_refund' && refund <= 0) {
        refuse('keeping the device needs a partial refund above zero');
      }
      if (candidate && candidate.unitPrice !== null && refund > candidate.unitPrice) {
        refuse(`the refund ${formatMoney(refund, currency)} is more than the ${formatMoney(candidate.unitPrice, currency)} it was sold for`);
      }
      if (candidate) {
        values.push({ sellerId, rmaId: 0, deviceId: candidate.deviceId, disposition: input.disposition, reason, refundAmount: refund });
      }
    });
    const all = [...problems, ...lineProblems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    if (all.length) {
      throw new Refusal(
        `The RMA was not created: ${all.length === 1 ? 'one problem needs' : `${all.length} problems need`} fixing.`,
        { problems: all },
      );
    }

    const number = await nextDocumentNumber(tx, { sellerId, kind: 'rma' });
    const [rma] = await tx
      .insert(rmas)
      .values({
        sellerId,
        number,
        organizationId: organization.id,
        status: 'open',
        createdByStaffId: params.actor.staffUserId,
        notes: params.notes?.trim() || null,
      })
      .returning({ id: rmas.id, number: rmas.number });
    await tx.insert(rmaLines).values(values.map((v) => ({ ...v, rmaId: rma!.id })));
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'rma.create',
      entityType: 'rma',
      entityId: rma!.id,
      details: { number, organization: organization.name, devices: values.length },
    });
    return rma!;
  });
}
