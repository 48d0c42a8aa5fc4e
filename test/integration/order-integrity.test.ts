import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { Refusal } from '@/lib/refusal';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditOf, commitDirectly, devicesOfLine } from '../support/orders-fixtures';
import type { StaffActor } from '@/db/queries/audit';

async function refusalOf(run: () => Promise<unknown>): Promise<Refusal> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

/** Finding 2 (short orders closed) and finding 6 (unsellable devices committed). */
describe('order integrity', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  /** Order 2 × A (both committed) and 5 × B (none committed): 2 of 7, like order 1025 in the review. */
  async function shortOrder() {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const a = await addProduct(db, seller, { model: 'iPhone 12', capacity: '64GB', network: 'AT&T' });
    const b = await addProduct(db, seller, { model: 'iPhone 12', capacity: '64GB', network: 'T-Mobile' });
    const stockA = await addDevices(db, seller, a.id, 2);
    await addDevices(db, seller, b.id, 5);
    const { order, lines } = await addOrder(db, seller, org.id, [
      { productId: a.id, quantity: 2, unitPrice: 20000 },
      { productId: b.id, quantity: 5, unitPrice: 10000 },
    ]);
    await commitDirectly(db, lines[0]!.id, stockA.map((d) => d.id));
    return { order, lines, a, b };
  }

  const shipped = () => seller.orderStatus('Shipped').id;
  const statusOf = async (orderId: number) =>
    (await database.db.select().from(s.salesOrders).where(eq(s.salesOrders.id, orderId)))[0]!;

  describe('closing a short order (finding 2)', () => {
    it('refuses Shipped with 2 of 7 committed, naming the short line, and changes nothing', async () => {
      const { order, b } = await shortOrder();
      const refusal = await refusalOf(() =>
        changeOrderStatus(database.db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), actor }),
      );
      expect(refusal.code).toBe('short');
      expect(refusal.message).toContain('5 devices are not committed');
      expect(refusal.problems).toHaveLength(1);
      expect(refusal.problems[0]!.reason).toContain(b.sku);
      expect(refusal.problems[0]!.reason).toContain('0 of 5 committed');
      expect((await statusOf(order.id)).statusId).toBe(seller.orderStatus('Confirmed').id);

      const detail = await findOrderByNumber(database.db, { sellerId: seller.sellerId, number: order.number });
      expect(detail!.committed).toBe(2);
      expect(detail!.ordered).toBe(7);
    });

    it('refuses any status that does not allow committing (Cancelled too), and allows a committing one', async () => {
      const { order } = await shortOrder();
      await refusalOf(() =>
        changeOrderStatus(database.db, {
          sellerId: seller.sellerId,
          orderNumber: order.number,
          statusId: seller.orderStatus('Awaiting Confirmation').id,
          actor,
        }),
      );
      const moved = await changeOrderStatus(database.db, {
        sellerId: seller.sellerId,
        orderNumber: order.number,
        statusId: seller.orderStatus('Confirmed').id,
        actor,
      });
      expect(moved.changed).toBe(false);
    });

    it('reduces the quantities to what is committed in one transaction, then ships; audited with the totals', async () => {
      const { order, lines } = await shortOrder();
      const result = await changeOrderStatus(database.db, {
        sellerId: seller.sellerId,
        orderNumber: order.number,
        statusId: shipped(),
        resolution: 'reduce',
        actor,
      });
      expect(result.changed).toBe(true);
      const detail = await findOrderByNumber(database.db, { sellerId: seller.sellerId, number: order.number });
      expect(detail!.order.statusName).toBe('Shipped');
      expect(detail!.lines.map((l) => [l.id, l.quantity, l.committedCount])).toEqual([[lines[0]!.id, 2, 2]]);
      expect(detail!.total).toBe(40000);
      const audit = await auditOf(database.db, seller.sellerId, 'sales_order', order.id);
      const reduced = audit.find((e) => e.action === 'order.reduce_to_committed');
      expect(reduced!.details).toMatchObject({ totalBefore: 90000, totalAfter: 40000 });
      expect(audit.map((e) => e.action)).toContain('order.status');
    });

    it('reduces a partly committed line to its count', async () => {
      const { db } = database;
      const org = await addOrganization(db, seller);
      const p = await addProduct(db, seller);
      const stock = await addDevices(db, seller, p.id, 3);
      const { order, lines } = await addOrder(db, seller, org.id, [{ productId: p.id, quantity: 5, unitPrice: 1000 }]);
      await commitDirectly(db, lines[0]!.id, stock.slice(0, 3).map((d) => d.id));
      await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), resolution: 'reduce', actor });
      const [line] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.id, lines[0]!.id));
      expect(line!.quantity).toBe(3);
      expect(await devicesOfLine(db, lines[0]!.id)).toHaveLength(3);
    });

    it('refuses reducing an order with nothing committed (it would have no lines)', async () => {
      const { db } = database;
      const org = await addOrganization(db, seller);
      const p = await addProduct(db, seller);
      const { order } = await addOrder(db, seller, org.id, [{ productId: p.id, quantity: 2 }]);
      const refusal = await refusalOf(() =>
        changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), resolution: 'reduce', actor }),
      );
      expect(refusal.message).toContain('without lines');
      expect((await statusOf(order.id)).statusId).toBe(seller.orderStatus('Confirmed').id);
    });

    it('closes anyway only with a reason, which is audited and shown on the order', async () => {
      const { order, lines } = await shortOrder();
      const noReason = await refusalOf(() =>
        changeOrderStatus(database.db, {
          sellerId: seller.sellerId,
          orderNumber: order.number,
          statusId: shipped(),
          resolution: 'close_anyway',
          reason: '   ',
          actor,
        }),
      );
      expect(noReason.fieldErrors?.reason).toBeDefined();
      expect((await statusOf(order.id)).statusId).toBe(seller.orderStatus('Confirmed').id);

      const result = await changeOrderStatus(database.db, {
        sellerId: seller.sellerId,
        orderNumber: order.number,
        statusId: shipped(),
        resolution: 'close_anyway',
        reason: 'Customer took the T-Mobile units from another order',
        actor,
      });
      expect(result.closedShort).toBe(true);
      const detail = await findOrderByNumber(database.db, { sellerId: seller.sellerId, number: order.number });
      expect(detail!.order.statusName).toBe('Shipped');
      expect(detail!.order.closedShortReason).toBe('Customer took the T-Mobile units from another order');
      expect(detail!.lines.map((l) => l.quantity)).toEqual([2, 5]);
      expect(detail!.lines[1]!.id).toBe(lines[1]!.id);
      const entry = detail!.history.find((e) => e.action === 'order.close_short');
      expect(entry!.details).toMatchObject({ reason: 'Customer took the T-Mobile units from another order', missing: 5, to: 'Shipped' });
    });

    it('lets a fully committed order ship without a choice', async () => {
      const { db } = database;
      const org = await addOrganization(db, seller);
      const p = await addProduct(db, seller);
      const stock = await addDevices(db, seller, p.id, 2);
      const { order, lines } = await addOrder(db, seller, org.id, [{ productId: p.id, quantity: 2 }]);
      await commitDirectly(db, lines[0]!.id, stock.map((d) => d.id));
      const result = await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: shipped(), actor });
      expect(result).toMatchObject({ changed: true, statusName: 'Shipped', closedShort: false });
    });
  });

  describe('committing only sellable devices (finding 6)', () => {
    async function orderWithMixedStock() {
      const { db } = database;
      const org = await addOrganization(db, seller);
      const p = await addProduct(db, seller);
      const good = await addDevices(db, seller, p.id, 1);
      const returned = await addDevices(db, seller, p.id, 1, { status: 'Returned' });
      const sold = await addDevices(db, seller, p.id, 1, { status: 'Sold' });
      const { order, lines } = await addOrder(db, seller, org.id, [{ productId: p.id, quantity: 3 }]);
      return { order, line: lines[0]!, good: good[0]!, returned: returned[0]!, sold: sold[0]! };
    }

    it('refuses devices outside the For Sale statuses line by line, committing nothing', async () => {
      const { order, line, good, returned, sold } = await orderWithMixedStock();
      const refusal = await refusalOf(() =>
        commitDevicesToOrder(database.db, {
          sellerId: seller.sellerId,
          orderNumber: order.number,
          text: `${good.imei}\n${returned.imei}\n${sold.imei}`,
          actor,
        }),
      );
      expect(refusal.problems).toEqual([
        expect.objectContaining({ line: 2, value: returned.imei, reason: expect.stringContaining('is Returned, not a sellable status') }),
        expect.objectContaining({ line: 3, value: sold.imei, reason: expect.stringContaining('is Sold, not a sellable status') }),
      ]);
      expect(await devicesOfLine(database.db, line.id)).toHaveLength(0);
    });

    it('commits them with "Commit anyway", and the audit names the IMEIs and their statuses', async () => {
      const { order, line, good, returned, sold } = await orderWithMixedStock();
      const result = await commitDevicesToOrder(database.db, {
        sellerId: seller.sellerId,
        orderNumber: order.number,
        text: `${good.imei}\n${returned.imei}\n${sold.imei}`,
        commitAnyway: true,
        actor,
      });
      expect(result.committed).toBe(3);
      expect(result.unsellable).toEqual([
        { imei: returned.imei, status: 'Returned' },
        { imei: sold.imei, status: 'Sold' },
      ]);
      expect(await devicesOfLine(database.db, line.id)).toHaveLength(3);
      const audit = await auditOf(database.db, seller.sellerId, 'sales_order', order.id);
      const entry = audit.find((e) => e.action === 'order.commit');
      expect(entry!.details).toMatchObject({
        commitAnyway: true,
        unsellable: [
          { imei: returned.imei, status: 'Returned' },
          { imei: sold.imei, status: 'Sold' },
        ],
      });
    });

    it('does not mark an all-sellable paste as overridden', async () => {
      const { order, good } = await orderWithMixedStock();
      const result = await commitDevicesToOrder(database.db, {
        sellerId: seller.sellerId,
        orderNumber: order.number,
        text: good.imei!,
        commitAnyway: true,
        actor,
      });
      expect(result.unsellable).toEqual([]);
      const audit = await auditOf(database.db, seller.sellerId, 'sales_order', order.id);
      expect(audit.find((e) => e.action === 'order.commit')!.details).not.toHaveProperty('commitAnyway');
    });
  });
});
