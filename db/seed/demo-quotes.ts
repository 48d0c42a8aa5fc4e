import { and, asc, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { orderShipTo } from '@/db/queries/ship-to-addresses/order-ship-to';
import { nextDocumentNumber } from '@/db/queries/document-numbers';

type QuotePlan = {
  status: s.QuoteStatus;
  /** Days from today the answer holds until (negative: expired). */
  validDays?: number;
  /** Days ago it was requested. */
  age: number;
  message: string | null;
};

const plans: QuotePlan[] = [
  { status: 'requested', age: 1, message: 'We could take more of these if the price is right. Delivery before month end?' },
  { status: 'answered', validDays: 10, age: 3, message: 'Looking for a better price on this lot.' },
  { status: 'answered', validDays: -3, age: 25, message: null },
  // Older than the demo's latest orders, so the buyer's newest order stays one of those.
  { status: 'accepted', validDays: -30, age: 45, message: 'Repeat order for our shop.' },
  { status: 'declined', validDays: 7, age: 18, message: null },
  { status: 'withdrawn', validDays: 14, age: 30, message: 'Mixed lot for export.' },
];

/**
 * A quote in each state for a seller's buyers: requested, answered and
 * valid, answered and expired, accepted with its order, declined, and
 * withdrawn. Lines are products in stock now, so the answered one can be
 * accepted in the demo.
 */
export async function seedQuotes(db: Db, h: { sellerId: number; orderStatusId: number; channelId: number; paymentMethodId: number }) {
  const { sellerId } = h;
  const buyers = await db
    .select({ id: s.portalAccounts.id, organizationId: s.portalAccounts.organizationId })
    .from(s.portalAccounts)
    .where(eq(s.portalAccounts.sellerId, sellerId))
    .orderBy(asc(s.portalAccounts.id));
  const [owner] = await db
    .select({ id: s.staffUsers.id })
    .from(s.staffUsers)
    .where(and(eq(s.staffUsers.sellerId, sellerId), eq(s.staffUsers.role, 'owner')))
    .limit(1);
  const stock = await db
    .select({ id: s.products.id, listPrice: s.products.listPrice, available: s.productAvailability.quantity })
    .from(s.productAvailability)
    .innerJoin(s.products, eq(s.products.id, s.productAvailability.productId))
    .where(and(eq(s.products.sellerId, sellerId), gte(s.productAvailability.quantity, 1)))
    .orderBy(desc(s.productAvailability.quantity), asc(s.products.id))
    .limit(plans.length * 2);
  if (!buyers.length || stock.length < 2) return;

  for (const [i, plan] of plans.entries()) {
    // The first buyer (the demo's Northwind buyer) sees most states; another organization gets the expired and withdrawn ones.
    const other = buyers.find((b) => b.organizationId !== buyers[0]!.organizationId) ?? buyers[0]!;
    const buyer = plan.status === 'withdrawn' || plan.validDays === -3 ? other : buyers[0]!;
    const createdAt = new Date(Date.now() - plan.age * 86_400_000);
    const answeredAt = new Date(createdAt.getTime() + 86_400_000);
    const lines = [stock[(i * 2) % stock.length]!, stock[(i * 2 + 1) % stock.length]!].map((p, position) => {
      const list = p.listPrice ?? 25_000;
      return {
        productId: p.id,
        quantity: Math.min(p.available, 2 + ((i + position) % 3)),
        targetUnitPrice: position === 0 ? Math.round(list * 0.85) : null,
        quotedUnitPrice: plan.status === 'requested' ? null : Math.round(list * 0.9),
        position,
      };
    });
    const answered = plan.status !== 'requested' && lines.every((l) => l.quotedUnitPrice !== null);
    const validUntil = answered && plan.validDays !== undefined ? new Date(Date.now() + plan.validDays * 86_400_000).toISOString().slice(0, 10) : null;
    await db.transaction(async (tx) => {
      let orderId: number | null = null;
      if (plan.status === 'accepted') {
        const acceptedAt = new Date(answeredAt.getTime() + 86_400_000);
        const [order] = await tx
          .insert(s.salesOrders)
          .values({
            sellerId,
            number: await nextDocumentNumber(tx, { sellerId, kind: 'sales_order' }),
            organizationId: buyer.organizationId,
            placedByAccountId: buyer.id,
            statusId: h.orderStatusId,
            channelId: h.channelId,
            paymentMethodId: h.paymentMethodId,
            poNumber: 'PO-QUOTE-1',
            // As checkout would: the organization's default ship-to address.
            shipTo: await orderShipTo(tx, { sellerId, organizationId: buyer.organizationId }),
            createdAt: acceptedAt,
            updatedAt: acceptedAt,
          })
          .returning({ id: s.salesOrders.id });
        orderId = order!.id;
        await tx.insert(s.salesOrderLines).values(
          lines.map((l) => ({ sellerId, orderId: order!.id, productId: l.productId, quantity: l.quantity, unitPrice: l.quotedUnitPrice, position: l.position })),
        );
      }
      const [quote] = await tx
        .insert(s.quotes)
        .values({
          sellerId,
          number: await nextDocumentNumber(tx, { sellerId, kind: 'quote' }),
          organizationId: buyer.organizationId,
          portalAccountId: buyer.id,
          status: plan.status,
          buyerMessage: plan.message,
          staffNote: answered ? 'Prices for the quantities asked; larger lots on request.' : null,
          validUntil,
          answeredAt: answered ? answeredAt : null,
          answeredByStaffId: answered ? (owner?.id ?? null) : null,
          acceptedAt: plan.status === 'accepted' ? new Date(answeredAt.getTime() + 86_400_000) : null,
          closedAt: plan.status === 'declined' || plan.status === 'withdrawn' ? new Date(answeredAt.getTime() + 2 * 86_400_000) : null,
          orderId,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: s.quotes.id });
      await tx.insert(s.quoteLines).values(lines.map((l) => ({ sellerId, quoteId: quote!.id, ...l })));
    });
  }
}
