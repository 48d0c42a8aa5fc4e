import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import { addDevices, addOrganization, addPortalAccount, addProduct, buildSeller, type SellerFixture } from './fixtures';

/** Builders for customer history tests: orders with committed devices, invoices and RMAs. */

const DAY = 86_400_000;

export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY);
}

export async function addOrder(
  db: Db,
  seller: SellerFixture,
  o: {
    organizationId: number;
    status?: string;
    channel?: string;
    createdAt?: Date;
    poNumber?: string | null;
    placedByAccountId?: number | null;
    /** Forces a number (e.g. to collide with another seller's order); default: the seller's next. */
    number?: number;
    lines: { productId: number; quantity: number; unitPrice?: number | null }[];
  },
) {
  const number = o.number ?? (await nextDocumentNumber(db, { sellerId: seller.sellerId, kind: 'sales_order' }));
  const createdAt = o.createdAt ?? new Date();
  const [order] = await db
    .insert(s.salesOrders)
    .values({
      sellerId: seller.sellerId,
      number,
      organizationId: o.organizationId,
      placedByAccountId: o.placedByAccountId ?? null,
      statusId: seller.orderStatus(o.status ?? 'Shipped').id,
      channelId: seller.channel(o.channel ?? 'Phone').id,
      paymentMethodId: seller.paymentMethod('Wire transfer').id,
      poNumber: o.poNumber ?? null,
      createdAt,
      updatedAt: createdAt,
    })
    .returning();
  const lines = await db
    .insert(s.salesOrderLines)
    .values(
      o.lines.map((l, position) => ({
        sellerId: seller.sellerId,
        orderId: order!.id,
        productId: l.productId,
        quantity: l.quantity,
        unitPrice: l.unitPrice === undefined ? 10000 : l.unitPrice,
        position,
      })),
    )
    .returning();
  return { order: order!, lines };
}

/** Commits devices to an order line, as staff do; the availability triggers follow. */
export async function commitDevices(db: Db, lineId: number, deviceIds: number[]) {
  if (!deviceIds.length) return;
  await db
    .update(s.devices)
    .set({ orderLineId: lineId, committedAt: new Date() })
    .where(inArray(s.devices.id, deviceIds));
}

/** An order of `count` sold devices of a new product, committed, with an invoice. */
export async function addPurchase(
  db: Db,
  seller: SellerFixture,
  organizationId: number,
  options: { count?: number; status?: string; createdAt?: Date; unitPrice?: number | null; product?: Partial<typeof s.products.$inferInsert> } = {},
) {
  const product = await addProduct(db, seller, options.product);
  const devices = await addDevices(db, seller, product.id, options.count ?? 2, { status: 'Sold' });
  const { order, lines } = await addOrder(db, seller, {
    organizationId,
    status: options.status,
    createdAt: options.createdAt,
    lines: [{ productId: product.id, quantity: devices.length, unitPrice: options.unitPrice }],
  });
  await commitDevices(db, lines[0]!.id, devices.map((d) => d.id));
  const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
  return { product, devices, order, line: lines[0]!, invoice };
}

export async function addRma(
  db: Db,
  seller: SellerFixture,
  r: {
    organizationId: number;
    status?: s.RmaStatus;
    lines: { deviceId: number; disposition?: s.RmaDisposition; reason?: string; refundAmount?: number }[];
  },
) {
  const number = await nextDocumentNumber(db, { sellerId: seller.sellerId, kind: 'rma' });
  const [rma] = await db
    .insert(s.rmas)
    .values({ sellerId: seller.sellerId, number, organizationId: r.organizationId, status: r.status ?? 'open' })
    .returning();
  await db.insert(s.rmaLines).values(
    r.lines.map((l) => ({
      sellerId: seller.sellerId,
      rmaId: rma!.id,
      deviceId: l.deviceId,
      disposition: l.disposition ?? 'return',
      reason: l.reason ?? 'Does not power on',
      refundAmount: l.refundAmount ?? 0,
    })),
  );
  return rma!;
}

export async function setReturnWindow(db: Db, sellerId: number, days: number | null) {
  await db.update(s.portalSettings).set({ returnWindowDays: days }).where(eq(s.portalSettings.sellerId, sellerId));
}

/**
 * Two sellers; seller X has organizations A and B, seller Y has organization C.
 * Each organization has a purchase (2 devices, invoice) and an open RMA of
 * one of its devices, so every list has rows to leak.
 */
export async function buildTwoSellers(db: Db) {
  const x = await buildSeller(db);
  const y = await buildSeller(db);
  const orgA = await addOrganization(db, x, 'Alpha Phones');
  const orgB = await addOrganization(db, x, 'Beta Repairs');
  const orgC = await addOrganization(db, y, 'Gamma Exports');
  const accountA = await addPortalAccount(db, x, orgA.id);
  const accountB = await addPortalAccount(db, x, orgB.id);
  const accountC = await addPortalAccount(db, y, orgC.id);
  const staffOf = async (seller: SellerFixture, tag: string) =>
    db.insert(s.staffUsers).values([
      { sellerId: seller.sellerId, email: `owner-${tag}-${seller.sellerId}@seller.example`, name: 'Owner', role: 'owner', status: 'active' },
      { sellerId: seller.sellerId, email: `admin-${tag}-${seller.sellerId}@seller.example`, name: 'Admin', role: 'admin', status: 'active' },
      { sellerId: seller.sellerId, email: `staff-${tag}-${seller.sellerId}@seller.example`, name: 'Staff', role: 'staff', status: 'active' },
      { sellerId: seller.sellerId, email: `gone-${tag}-${seller.sellerId}@seller.example`, name: 'Gone', role: 'admin', status: 'disabled' },
    ]);
  await staffOf(x, 'x');
  await staffOf(y, 'y');
  // Seller Y's numbers run ahead, so a number of Y names nothing at X (collisions are tested apart).
  for (const kind of ['sales_order', 'invoice', 'rma'] as const) {
    for (let i = 0; i < 10; i++) await nextDocumentNumber(db, { sellerId: y.sellerId, kind });
  }
  const purchaseA = await addPurchase(db, x, orgA.id, { createdAt: daysAgo(10) });
  const purchaseB = await addPurchase(db, x, orgB.id, { createdAt: daysAgo(10) });
  const purchaseC = await addPurchase(db, y, orgC.id, { createdAt: daysAgo(10) });
  const rmaA = await addRma(db, x, { organizationId: orgA.id, lines: [{ deviceId: purchaseA.devices[0]!.id }] });
  const rmaB = await addRma(db, x, { organizationId: orgB.id, lines: [{ deviceId: purchaseB.devices[0]!.id }] });
  const rmaC = await addRma(db, y, { organizationId: orgC.id, lines: [{ deviceId: purchaseC.devices[0]!.id }] });
  return {
    x, y, orgA, orgB, orgC, accountA, accountB, accountC, purchaseA, purchaseB, purchaseC, rmaA, rmaB, rmaC,
    scopeA: { sellerId: x.sellerId, organizationId: orgA.id },
    scopeB: { sellerId: x.sellerId, organizationId: orgB.id },
    scopeC: { sellerId: y.sellerId, organizationId: orgC.id },
  };
}
