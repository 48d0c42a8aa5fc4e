import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { rmas } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { rmaStatusLabel } from '@/lib/rmas/statuses';
import { recordAudit } from '@/db/queries/audit';
import type { CustomerScope } from '@/db/queries/portal/scope';

export type CancelRmaParams = CustomerScope & {
  number: number;
  portalAccountId: number;
  /** How the audit names the buyer, e.g. "Nora Buyer (Northwind Traders)". */
  actorLabel: string;
};

/**
 * The buyer cancels their organization's return request while it is still
 * Requested: the RMA becomes Cancelled, records who cancelled it, and the
 * devices can be asked for again. Another organization's RMA reads as not
 * found; one staff already opened (or decided) is refused.
 */
export async function cancelCustomerRma(db: DbOrTx, params: CancelRmaParams) {
  const { sellerId, organizationId } = params;
  return db.transaction(async (tx) => {
    const [rma] = await tx
      .select({ id: rmas.id, number: rmas.number, status: rmas.status })
      .from(rmas)
      .where(and(eq(rmas.sellerId, sellerId), eq(rmas.organizationId, organizationId), eq(rmas.number, params.number)))
      .for('update');
    if (!rma) throw new Refusal(`RMA ${params.number} was not found.`, { code: 'not_found' });
    if (rma.status !== 'requested') {
      throw new Refusal(
        `RMA ${rma.number} is ${rmaStatusLabel[rma.status]}; only a request still waiting for review can be cancelled.`,
        { code: 'conflict' },
      );
    }
    await tx
      .update(rmas)
      .set({ status: 'cancelled', cancelledByAccountId: params.portalAccountId, updatedAt: new Date() })
      .where(eq(rmas.id, rma.id));
    await recordAudit(tx, {
      sellerId,
      actor: { label: params.actorLabel },
      action: 'rma.cancel',
      entityType: 'rma',
      entityId: rma.id,
      details: { number: rma.number, from: rma.status, to: 'cancelled', portalAccountId: params.portalAccountId },
    });
    return { number: rma.number };
  });
}
