import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, organizations, paymentMethods, salesChannels, salesOrderLines, salesOrders } from '@/db/schema';
import { recordAudit, type StaffActor } from '../audit';
import { nextDocumentNumber } from '../document-numbers';
import { Refusal } from '@/lib/refusal';
import { sellerCurrency } from './lock-order';
import { resolveOrderLines, type OrderLineInput } from './order-line-input';
import { assertOrderTotalFits } from './order-total';
import { orderShipTo } from '../ship-to-addresses/order-ship-to';

export type StaffOrderInput = {
  organizationId: number;
  statusId: number;
  channelId: number;
  paymentMethodId: number | null;
  poNumber?: string | null;
  notes?: string | null;
  lines: OrderLineInput[];
};

/** Is this id one of the seller's rows of the table? */
async function belongs(
  tx: DbOrTx,
  table: typeof organizations | typeof orderStatuses | typeof salesChannels | typeof paymentMethods,
  params: { sellerId: number; id: number },
) {
  const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.id, params.id), eq(table.sellerId, params.sellerId)));
  return Boolean(row);
}

/**
 * An order taken by staff (by phone, email…): next per-seller number, lines
 * priced from what staff typed or the list price, recorded as placed by that
 * staff member, shipping to the organization's default address. One transaction; any problem refuses the whole order.
 */
export async function createStaffOrder(
  db: DbOrTx,
  params: { sellerId: number; actor: StaffActor } & StaffOrderInput,
) {
  const { sellerId } = params;
  return db.transaction(async (tx) => {
    const errors: Record<string, string[]> = {};
    if (!(await belongs(tx, organizations, { sellerId, id: params.organizationId }))) errors.organizationId = ['Choose an organization.'];
    if (!(await belongs(tx, orderStatuses, { sellerId, id: params.statusId }))) errors.statusId = ['Choose a status.'];
    if (!(await belongs(tx, salesChannels, { sellerId, id: params.channelId }))) errors.channelId = ['Choose a channel.'];
    if (params.paymentMethodId !== null && !(await belongs(tx, paymentMethods, { sellerId, id: params.paymentMethodId }))) {
      errors.paymentMethodId = ['Choose a payment method.'];
    }
    if (!params.lines.length) errors.lines = ['Add at least one product.'];
    if (Object.keys(errors).length) throw new Refusal(Object.values(errors)[0]![0]!, { fieldErrors: errors });

    // Staff orders ship to the organization's default address (a copy, like checkout's).
    const shipTo = await orderShipTo(tx, { sellerId, organizationId: params.organizationId });
    const currency = await sellerCurrency(tx, sellerId);
    const lines = await resolveOrderLines(tx, { sellerId, currency, lines: params.lines });
    const number = await nextDocumentNumber(tx, { sellerId, kind: 'sales_order' });
    const [order] = await tx
      .insert(salesOrders)
      .values({
        sellerId,
        number,
        organizationId: params.organizationId,
        placedByStaffId: params.actor.staffUserId,
        statusId: params.statusId,
        channelId: params.channelId,
        paymentMethodId: params.paymentMethodId,
        poNumber: params.poNumber?.trim() || null,
        notes: params.notes?.trim() || null,
        shipTo,
      })
      .returning({ id: salesOrders.id, number: salesOrders.number });
    await tx.insert(salesOrderLines).values(
      lines.map((l, position) => ({
        sellerId,
        orderId: order!.id,
        productId: l.product.id,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        position,
      })),
    );
    await assertOrderTotalFits(tx, { sellerId, orderId: order!.id, currency });
    await recordAudit(tx, {
      sellerId,
      actor: params.actor,
      action: 'order.create',
      entityType: 'sales_order',
      entityId: order!.id,
      details: { number, lines: lines.length },
    });
    return order!;
  });
}
