import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addShipment } from '@/db/queries/orders/add-shipment';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { removeShipment } from '@/db/queries/orders/remove-shipment';
import { findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import type { StaffActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { trackingUrl } from '@/lib/shipments/carriers';
import { changeOrderStatusSchema } from '@/lib/validation/orders';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditOf, commitDirectly } from '../support/orders-fixtures';

async function refusalOf(run: () => Promise<unknown>): Promise<Refusal> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

/**
 * Staff record carriers and tracking numbers when they mark an order shipped
 * (or later, on the order page); the buyer sees them with the carrier's
 * tracking link, built from the carrier's template only.
 */
describe('shipment tracking', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  /** A Confirmed order of a fresh organization with all its devices committed. */
  async function readyToShip(quantity = 2) {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 14' });
    const devices = await addDevices(db, seller, product.id, quantity);
    const { order, lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity }]);
    await commitDirectly(db, lines[0]!.id, devices.map((d) => d.id));
    return { org, order, devices };
  }
  const shipped = () => seller.orderStatus('Shipped').id;
  const shipmentsOf = (orderId: number) => database.db.select().from(s.orderShipments).where(eq(s.orderShipments.orderId, orderId));

  it('records the tracking numbers with the status change, audited, and shows them to staff and to the buyer', async () => {
    const { db } = database;
    const { org, order } = await readyToShip();
    const result = await changeOrderStatus(db, {
      sellerId: seller.sellerId,
      orderNumber: order.number,
      statusId: shipped(),
      actor,
      shipments: [
        { carrier: 'ups', trackingNumber: '  1Z999AA10123456784 ' },
        { carrier: 'other', trackingNumber: 'PALLET-7' },
      ],
    });
    expect(result).toMatchObject({ changed: true, tracking: 2 });

    const rows = await shipmentsOf(order.id);
    expect(rows.map((r) => [r.carrier, r.trackingNumber, r.createdBy, r.sellerId])).toEqual([
      ['ups', '1Z999AA10123456784', actor.staffUserId, seller.sellerId],
      ['other', 'PALLET-7', actor.staffUserId, seller.sellerId],
    ]);
    const [entry] = (await auditOf(db, seller.sellerId, 'sales_order', order.id)).filter((e) => e.action === 'order.status');
    expect(entry!.details).toMatchObject({ to: 'Shipped', tracking: [{ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }, { carrier: 'other' }] });

    const staffView = await findOrderByNumber(db, { sellerId: seller.sellerId, number: order.number });
    expect(staffView!.shipments.map((x) => [x.carrierName, x.trackingUrl])).toEqual([
      ['UPS', 'https://www.ups.com/track?tracknum=1Z999AA10123456784'],
      ['Other', null],
    ]);
    const buyerView = await findCustomerOrder(db, { sellerId: seller.sellerId, organizationId: org.id, number: order.number });
    expect(buyerView!.shipments).toEqual([
      expect.objectContaining({ carrierName: 'UPS', trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' }),
      expect.objectContaining({ carrierName: 'Other', trackingNumber: 'PALLET-7', trackingUrl: null }),
    ]);
    const list = await listCustomerOrders(db, { sellerId: seller.sellerId, organizationId: org.id, page: 1, pageSize: 10 });
    expect(list.rows[0]).toMatchObject({ number: order.number, statusName: 'Shipped', tracking: 2 });
  });

  it('refuses an invalid tracking number and writes nothing: no shipment, no status change, no email', async () => {
    const { db } = database;
    const { order } = await readyToShip();
    const emailsBefore = await db.select().from(s.emailMessages).where(eq(s.emailMessages.sellerId, seller.sellerId));
    for (const bad of ['1Z9', 'A'.repeat(41), '1Z 999 AA1', '<script>', 'ABCD/../x']) {
      const refusal = await refusalOf(() =>
        changeOrderStatus(db, {
          sellerId: seller.sellerId,
          orderNumber: order.number,
          statusId: shipped(),
          actor,
          shipments: [{ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }, { carrier: 'fedex', trackingNumber: bad }],
        }),
      );
      expect(refusal.code).toBe('invalid');
      expect(refusal.problems).toEqual([expect.objectContaining({ line: 2 })]);
    }
    const unknownCarrier = await refusalOf(() =>
      changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), actor, shipments: [{ carrier: 'pigeon', trackingNumber: 'ABCD1234' }] }),
    );
    expect(unknownCarrier.problems[0]!.reason).toContain('carrier');
    expect(await shipmentsOf(order.id)).toHaveLength(0);
    const [row] = await db.select({ statusId: s.salesOrders.statusId }).from(s.salesOrders).where(eq(s.salesOrders.id, order.id));
    expect(row!.statusId).toBe(seller.orderStatus('Confirmed').id);
    expect(await db.select().from(s.emailMessages).where(eq(s.emailMessages.sellerId, seller.sellerId))).toHaveLength(emailsBefore.length);

    // The form's schema says the same before anything reaches the database.
    const parsed = changeOrderStatusSchema.safeParse({ orderNumber: order.number, statusId: shipped(), shipments: [{ carrier: 'ups', trackingNumber: '1Z 9' }] });
    expect(parsed.success).toBe(false);
  });

  it('refuses tracking numbers with a status that does not ship (Cancelled, a committing status)', async () => {
    const { db } = database;
    const { order } = await readyToShip();
    for (const name of ['Cancelled', 'Awaiting Confirmation']) {
      await refusalOf(() =>
        changeOrderStatus(db, {
          sellerId: seller.sellerId,
          orderNumber: order.number,
          statusId: seller.orderStatus(name).id,
          actor,
          shipments: [{ carrier: 'dpd', trackingNumber: '01505412345678' }],
        }),
      );
    }
    expect(await shipmentsOf(order.id)).toHaveLength(0);
  });

  it('builds the tracking link from the carrier template only, with the number URL-encoded', () => {
    expect(trackingUrl('fedex', '7712-3456')).toBe('https://www.fedex.com/fedextrack/?trknbr=7712-3456');
    expect(trackingUrl('dhl_express', 'A&B=C#D')).toBe(
      'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=A%26B%3DC%23D',
    );
    expect(trackingUrl('royal_mail', 'AB 12/../x')).toBe('https://www.royalmail.com/track-your-item#/tracking-results/AB%2012%2F..%2Fx');
    expect(trackingUrl('other', 'ABCD1234')).toBeNull();
    expect(trackingUrl('https://evil.example/?', 'ABCD1234')).toBeNull();
  });

  it('adds and removes a tracking number afterwards, audited; a duplicate is refused', async () => {
    const { db } = database;
    const { order } = await readyToShip();
    await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), actor });
    await addShipment(db, { sellerId: seller.sellerId, orderNumber: order.number, carrier: 'usps', trackingNumber: '9400100000000000000000', actor });
    const duplicate = await refusalOf(() =>
      addShipment(db, { sellerId: seller.sellerId, orderNumber: order.number, carrier: 'usps', trackingNumber: '9400100000000000000000', actor }),
    );
    expect(duplicate.code).toBe('conflict');
    await refusalOf(() => addShipment(db, { sellerId: seller.sellerId, orderNumber: order.number, carrier: 'usps', trackingNumber: 'no', actor }));
    const [row] = await shipmentsOf(order.id);
    expect(row).toMatchObject({ carrier: 'usps', trackingNumber: '9400100000000000000000' });

    await removeShipment(db, { sellerId: seller.sellerId, orderNumber: order.number, shipmentId: row!.id, actor });
    expect(await shipmentsOf(order.id)).toHaveLength(0);
    const actions = (await auditOf(db, seller.sellerId, 'sales_order', order.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['order.shipment_add', 'order.shipment_remove']));
  });

  it("answers another seller's order as not found and touches nothing of it", async () => {
    const { db } = database;
    const { order } = await readyToShip();
    await addShipment(db, { sellerId: seller.sellerId, orderNumber: order.number, carrier: 'ups', trackingNumber: '1Z999AA10000000001', actor });
    const [mine] = await shipmentsOf(order.id);
    const otherActor = await addStaffActor(db, other);
    // The other seller has no order with this number, and cannot reach this one's shipments by id.
    const add = await refusalOf(() => addShipment(db, { sellerId: other.sellerId, orderNumber: order.number, carrier: 'ups', trackingNumber: '1Z999AA10000000002', actor: otherActor }));
    expect(add.code).toBe('not_found');
    const otherOrg = await addOrganization(db, other);
    const otherProduct = await addProduct(db, other);
    const { order: theirs } = await addOrder(db, other, otherOrg.id, [{ productId: otherProduct.id, quantity: 1 }]);
    const remove = await refusalOf(() => removeShipment(db, { sellerId: other.sellerId, orderNumber: theirs.number, shipmentId: mine!.id, actor: otherActor }));
    expect(remove.code).toBe('not_found');
    const status = await refusalOf(() =>
      changeOrderStatus(db, { sellerId: other.sellerId, orderNumber: 999_999, statusId: other.orderStatus('Shipped').id, actor: otherActor, shipments: [{ carrier: 'ups', trackingNumber: 'ABCD1234' }] }),
    );
    expect(status.code).toBe('not_found');
    expect(await shipmentsOf(order.id)).toHaveLength(1);
    expect(await db.select().from(s.orderShipments).where(and(eq(s.orderShipments.sellerId, other.sellerId)))).toHaveLength(0);
    // And another organization of the same seller does not see the order at all.
    const stranger = await addOrganization(db, seller);
    expect(await findCustomerOrder(db, { sellerId: seller.sellerId, organizationId: stranger.id, number: order.number })).toBeNull();
  });

  it('refuses a foreign seller in the schema too: a shipment row must point at an order of its own seller', async () => {
    const { db } = database;
    const { order } = await readyToShip();
    await expect(db.insert(s.orderShipments).values({ sellerId: other.sellerId, orderId: order.id, carrier: 'ups', trackingNumber: 'ABCD1234' })).rejects.toThrow();
  });
});
