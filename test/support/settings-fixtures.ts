import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import type { SettingsActor } from '@/db/queries/settings/access';
import type { PortalSettingsInput } from '@/lib/validation/portal-settings';
import { addOrganization, type SellerFixture } from './fixtures';

let staffSequence = 0;

/** A staff user of the seller, returned in the shape the settings writes take as actor. */
export async function addStaffActor(db: Db, seller: SellerFixture, role: s.StaffRole): Promise<SettingsActor> {
  const n = ++staffSequence;
  const [user] = await db
    .insert(s.staffUsers)
    .values({
      sellerId: seller.sellerId,
      email: `${role}${n}-${seller.seller.slug}@settings.test`,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
      role,
      status: 'active',
    })
    .returning();
  return { staffUserId: user!.id, name: user!.name, role };
}

/** A portal that is off with nothing chosen: what a new seller starts from. */
export async function clearPortalSetup(db: Db, seller: SellerFixture): Promise<void> {
  const sellerId = seller.sellerId;
  await db.delete(s.portalForSaleStatuses).where(eq(s.portalForSaleStatuses.sellerId, sellerId));
  await db.delete(s.portalForSaleWarehouses).where(eq(s.portalForSaleWarehouses.sellerId, sellerId));
  await db.delete(s.portalPaymentMethods).where(eq(s.portalPaymentMethods.sellerId, sellerId));
  await db
    .update(s.portalSettings)
    .set({ enabled: false, initialOrderStatusId: null, salesChannelId: null })
    .where(eq(s.portalSettings.sellerId, sellerId));
}

/** The demo configuration as form input: Available + Listed, MAIN + OVF, Wire + Net 30, on. */
export function demoPortalInput(seller: SellerFixture, overrides: Partial<PortalSettingsInput> = {}): PortalSettingsInput {
  return {
    enabled: true,
    statusIds: [seller.status('Available').id, seller.status('Listed').id],
    warehouseIds: [seller.warehouse('MAIN').id, seller.warehouse('OVF').id],
    initialOrderStatusId: seller.orderStatus('Awaiting Confirmation').id,
    salesChannelId: seller.channel('B2B Portal').id,
    autoInvoice: false,
    paymentMethodIds: [seller.paymentMethod('Wire transfer').id, seller.paymentMethod('Net 30').id],
    hideUnpriced: false,
    displayName: `Seller ${seller.seller.slug}`,
    brandColor: '#1d4ed8',
    returnWindowDays: null,
    invoiceDueDays: 30,
    customDomain: null,
    ...overrides,
  };
}

let orderNumber = 0;

/** A bare sales order (no lines) in a status, channel and payment method, named as seeded. */
export async function addOrder(
  db: Db,
  seller: SellerFixture,
  options: { status?: string; channel?: string; paymentMethod?: string | null } = {},
) {
  const org = await addOrganization(db, seller);
  const [order] = await db
    .insert(s.salesOrders)
    .values({
      sellerId: seller.sellerId,
      number: 90_000 + ++orderNumber,
      organizationId: org.id,
      statusId: seller.orderStatus(options.status ?? 'Confirmed').id,
      channelId: seller.channel(options.channel ?? 'Phone').id,
      paymentMethodId: options.paymentMethod ? seller.paymentMethod(options.paymentMethod).id : null,
    })
    .returning();
  return order!;
}

export async function auditCount(db: Db, sellerId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.auditEntries)
    .where(eq(s.auditEntries.sellerId, sellerId));
  return Number(row?.n ?? 0);
}

/** A real 1×1 PNG. */
export const tinyPng = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);
