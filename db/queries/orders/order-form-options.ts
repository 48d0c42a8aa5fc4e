import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses, organizations, paymentMethods, salesChannels } from '@/db/schema';

/** The choices of the order forms and filters: statuses, channels, payment methods, organizations. */
export async function orderFormOptions(db: DbOrTx, params: { sellerId: number }) {
  const { sellerId } = params;
  const [statuses, channels, methods, orgs] = [
    await db
      .select({
        id: orderStatuses.id,
        name: orderStatuses.name,
        color: orderStatuses.color,
        isOpen: orderStatuses.isOpen,
        allowsCommitting: orderStatuses.allowsCommitting,
      })
      .from(orderStatuses)
      .where(eq(orderStatuses.sellerId, sellerId))
      .orderBy(asc(orderStatuses.position), asc(orderStatuses.id)),
    await db
      .select({ id: salesChannels.id, name: salesChannels.name })
      .from(salesChannels)
      .where(eq(salesChannels.sellerId, sellerId))
      .orderBy(asc(salesChannels.name)),
    await db
      .select({ id: paymentMethods.id, name: paymentMethods.name })
      .from(paymentMethods)
      .where(eq(paymentMethods.sellerId, sellerId))
      .orderBy(asc(paymentMethods.name)),
    await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.sellerId, sellerId))
      .orderBy(asc(organizations.name), asc(organizations.id)),
  ];
  return { statuses, channels, paymentMethods: methods, organizations: orgs };
}

export type OrderFormOptions = Awaited<ReturnType<typeof orderFormOptions>>;
