import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { addOrganization, addPortalAccount, type SellerFixture } from './fixtures';

/** A customer organization with one active portal account. */
export async function addBuyer(db: Db, seller: SellerFixture, name?: string) {
  const organization = await addOrganization(db, seller, name);
  const account = await addPortalAccount(db, seller, organization.id);
  return {
    organization,
    account,
    scope: { sellerId: seller.sellerId, portalAccountId: account.id, organizationId: organization.id },
  };
}

/**
 * What staff do when they confirm an order: a Confirmed phone order for
 * another customer with the given devices committed to it.
 */
export async function staffCommitDevices(db: Db, seller: SellerFixture, productId: number, devices: { id: number }[]) {
  const org = await addOrganization(db, seller);
  const [order] = await db
    .insert(s.salesOrders)
    .values({
      sellerId: seller.sellerId,
      number: 900_000 + Math.floor(Math.random() * 99_999),
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
    })
    .returning();
  const [line] = await db
    .insert(s.salesOrderLines)
    .values({ sellerId: seller.sellerId, orderId: order!.id, productId, quantity: devices.length, unitPrice: 100 })
    .returning();
  await db
    .update(s.devices)
    .set({ orderLineId: line!.id, committedAt: new Date() })
    .where(inArray(s.devices.id, devices.map((d) => d.id)));
}

export async function setPortalSettings(db: Db, seller: SellerFixture, values: Partial<typeof s.portalSettings.$inferInsert>) {
  await db.update(s.portalSettings).set(values).where(eq(s.portalSettings.sellerId, seller.sellerId));
}

export async function setOfferedPaymentMethods(db: Db, seller: SellerFixture, names: string[]) {
  await db.delete(s.portalPaymentMethods).where(eq(s.portalPaymentMethods.sellerId, seller.sellerId));
  if (names.length) {
    await db
      .insert(s.portalPaymentMethods)
      .values(names.map((n) => ({ sellerId: seller.sellerId, paymentMethodId: seller.paymentMethod(n).id })));
  }
}

export async function cartOf(db: Db, portalAccountId: number) {
  return db
    .select({ productId: s.cartLines.productId, quantity: s.cartLines.quantity })
    .from(s.cartLines)
    .where(eq(s.cartLines.portalAccountId, portalAccountId))
    .orderBy(s.cartLines.productId);
}

export async function ordersOf(db: Db, seller: SellerFixture, organizationId: number) {
  return db
    .select()
    .from(s.salesOrders)
    .where(and(eq(s.salesOrders.sellerId, seller.sellerId), eq(s.salesOrders.organizationId, organizationId)));
}

export async function linesOf(db: Db, orderId: number) {
  return db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.orderId, orderId)).orderBy(s.salesOrderLines.position);
}

let keys = 0;
/** A fresh idempotency key, as the checkout page makes one. */
export function checkoutKey(): string {
  return `test-key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * A write that throws the one Refusal, read the way the return request tests
 * assert it: `{ ok: true, ...value }`, or `{ ok: false, problems }` with the
 * refused lines.
 */
export async function refusedAsProblems<T extends object>(
  call: Promise<T>,
): Promise<({ ok: true } & T) | { ok: false; problems: LineProblem[] }> {
  try {
    return { ok: true, ...(await call) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problems: error.problems };
    throw error;
  }
}
