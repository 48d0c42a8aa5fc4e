import type { Db } from '@/db';
import * as s from '@/db/schema';
import { nextDocumentNumber } from '@/db/queries/document-numbers';
import { addDevices, addOrganization, addProduct, type SellerFixture } from './fixtures';
import { addOrder, commitDirectly } from './orders-fixtures';

/**
 * An organization that bought 4 devices (order Shipped, unit price 100.00),
 * another organization that bought one, a cancelled order of the first with a
 * device still committed, and a device never sold.
 */
export async function soldDevicesScene(db: Db, seller: SellerFixture) {
  const buyer = await addOrganization(db, seller, `Buyer ${Math.random().toString(36).slice(2, 6)}`);
  const rival = await addOrganization(db, seller, `Rival ${Math.random().toString(36).slice(2, 6)}`);
  const product = await addProduct(db, seller);
  const devices = await addDevices(db, seller, product.id, 7);
  const sold = await addOrder(db, seller, buyer.id, [{ productId: product.id, quantity: 4, unitPrice: 10000 }], { status: 'Shipped' });
  await commitDirectly(db, sold.lines[0]!.id, devices.slice(0, 4).map((d) => d.id));
  const rivalOrder = await addOrder(db, seller, rival.id, [{ productId: product.id, quantity: 1 }], { status: 'Shipped' });
  await commitDirectly(db, rivalOrder.lines[0]!.id, [devices[4]!.id]);
  const cancelled = await addOrder(db, seller, buyer.id, [{ productId: product.id, quantity: 1 }], { status: 'Cancelled' });
  await commitDirectly(db, cancelled.lines[0]!.id, [devices[5]!.id]);
  return {
    buyer,
    rival,
    product,
    bought: devices.slice(0, 4),
    rivalDevice: devices[4]!,
    cancelledDevice: devices[5]!,
    neverSold: devices[6]!,
    soldOrder: sold.order,
    rivalOrder: rivalOrder.order,
    cancelledOrder: cancelled.order,
  };
}

/** An RMA written directly, as a customer's return request (or the demo) leaves it. */
export async function addRmaDirectly(
  db: Db,
  seller: SellerFixture,
  organizationId: number,
  deviceIds: number[],
  values: Partial<typeof s.rmas.$inferInsert> = {},
) {
  const number = await nextDocumentNumber(db, { sellerId: seller.sellerId, kind: 'rma' });
  const [rma] = await db
    .insert(s.rmas)
    .values({ sellerId: seller.sellerId, number, organizationId, status: 'requested', ...values })
    .returning();
  await db.insert(s.rmaLines).values(
    deviceIds.map((deviceId) => ({ sellerId: seller.sellerId, rmaId: rma!.id, deviceId, reason: 'Dead on arrival' })),
  );
  return rma!;
}
