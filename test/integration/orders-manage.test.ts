import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createStaffOrder } from '@/db/queries/orders/create-order';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { addOrderLine, removeOrderLine, updateOrderLine } from '@/db/queries/orders/edit-order-lines';
import { updateOrderDetails } from '@/db/queries/orders/update-order-details';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { Refusal } from '@/lib/refusal';
import type { StaffActor } from '@/db/queries/audit';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditOf, commitDirectly } from '../support/orders-fixtures';

/** Staff creating and editing orders: what is refused, what is recorded. */
describe('managing orders', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  async function rejection(promise: Promise<unknown>): Promise<Refusal> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  }

  async function orderCount() {
    const rows = await database.db.select().from(s.salesOrders).where(eq(s.salesOrders.sellerId, seller.sellerId));
    return rows.length;
  }

  it('creates a phone order placed by the staff member, priced from typed prices or the list price', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const priced = await addProduct(db, seller, { listPrice: 25000 });
    const typed = await addProduct(db, seller, { listPrice: 30000 });
    const unpriced = await addProduct(db, seller, { listPrice: null });
    const order = await createStaffOrder(db, {
      sellerId: seller.sellerId,
      actor,
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: seller.paymentMethod('Net 30').id,
      poNumber: ' PO-77 ',
      notes: 'Call before delivery',
      lines: [
        { productId: priced.id, quantity: 2, unitPrice: '' },
        { productId: typed.id, quantity: 1, unitPrice: '1,234.50' },
        { productId: unpriced.id, quantity: 3 },
      ],
    });
    const detail = await findOrderByNumber(db, { sellerId: seller.sellerId, number: order.number });
    expect(detail!.order.placedBy).toBe(actor.name);
    expect(detail!.order.channelName).toBe('Phone');
    expect(detail!.order.poNumber).toBe('PO-77');
    expect(detail!.lines.map((l) => [l.productId, l.quantity, l.unitPrice])).toEqual([
      [priced.id, 2, 25000],
      [typed.id, 1, 123450],
      [unpriced.id, 3, null],
    ]);
    expect(detail!.total).toBe(2 * 25000 + 123450);
    const [row] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, detail!.order.id));
    expect(row!.placedByStaffId).toBe(actor.staffUserId);
    expect(row!.placedByAccountId).toBeNull();
    expect((await auditOf(db, seller.sellerId, 'sales_order', row!.id)).map((a) => a.action)).toEqual(['order.create']);
  });

  it("refuses another seller's organization, product, status and channel, and writes nothing", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const foreignOrg = await addOrganization(db, other);
    const foreignProduct = await addProduct(db, other);
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const before = await orderCount();
    const base = {
      sellerId: seller.sellerId,
      actor,
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: null,
      lines: [{ productId: product.id, quantity: 1 }],
    };
    expect((await rejection(createStaffOrder(db, { ...base, organizationId: foreignOrg.id }))).fieldErrors).toHaveProperty('organizationId');
    expect((await rejection(createStaffOrder(db, { ...base, statusId: other.orderStatus('Confirmed').id }))).fieldErrors).toHaveProperty('statusId');
    expect((await rejection(createStaffOrder(db, { ...base, channelId: other.channel('Phone').id }))).fieldErrors).toHaveProperty('channelId');
    expect(
      (await rejection(createStaffOrder(db, { ...base, paymentMethodId: other.paymentMethod('Net 30').id }))).fieldErrors,
    ).toHaveProperty('paymentMethodId');
    expect(
      (await rejection(createStaffOrder(db, { ...base, lines: [{ productId: foreignProduct.id, quantity: 1 }] }))).fieldErrors,
    ).toEqual({ 'lines.0.productId': ['That product was not found.'] });
    expect(await orderCount()).toBe(before);
  });

  it('refuses bad quantities, unreadable prices, duplicate products and an order without lines', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const before = await orderCount();
    const base = {
      sellerId: seller.sellerId,
      actor,
      organizationId: org.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: null,
    };
    const error = await rejection(
      createStaffOrder(db, {
        ...base,
        lines: [
          { productId: product.id, quantity: 0, unitPrice: 'ten dollars' },
          { productId: product.id, quantity: 1.5 },
        ],
      }),
    );
    expect(Object.keys(error.fieldErrors!).sort()).toEqual(['lines.0.quantity', 'lines.0.unitPrice', 'lines.1.productId', 'lines.1.quantity']);
    expect(error.fieldErrors!['lines.0.unitPrice']![0]).toMatch(/"ten dollars" is not an amount/);
    expect((await rejection(createStaffOrder(db, { ...base, lines: [] }))).fieldErrors).toHaveProperty('lines');
    expect(await orderCount()).toBe(before);
  });

  it('numbers staff orders per seller, in sequence', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const make = () =>
      createStaffOrder(db, {
        sellerId: seller.sellerId,
        actor,
        organizationId: org.id,
        statusId: seller.orderStatus('Confirmed').id,
        channelId: seller.channel('Email').id,
        paymentMethodId: null,
        lines: [{ productId: product.id, quantity: 1 }],
      });
    const a = await make();
    const b = await make();
    expect(b.number).toBe(a.number + 1);
  });

  it('changes the status with an audit entry naming both statuses', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], { status: 'Awaiting Confirmation' });
    const result = await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: seller.orderStatus('Confirmed').id, actor });
    expect(result.changed).toBe(true);
    const [row] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, order.id));
    expect(row!.statusId).toBe(seller.orderStatus('Confirmed').id);
    const audit = await auditOf(db, seller.sellerId, 'sales_order', order.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('order.status');
    expect(audit[0]!.actorStaffId).toBe(actor.staffUserId);
    expect(audit[0]!.details).toMatchObject({ from: 'Awaiting Confirmation', to: 'Confirmed' });

    const other = await buildSeller(db);
    await rejection(changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: other.orderStatus('Shipped').id, actor }));
    const [still] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, order.id));
    expect(still!.statusId).toBe(seller.orderStatus('Confirmed').id);
  });

  it('refuses a line quantity below the devices committed to it, and allows it down to that number', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const stock = await addDevices(db, seller, product.id, 3);
    const { order, lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 4, unitPrice: 5000 }]);
    await commitDirectly(db, lines[0]!.id, stock.map((d) => d.id));
    const error = await rejection(
      updateOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: lines[0]!.id, quantity: 2, unitPrice: '60', actor }),
    );
    expect(error.fieldErrors!.quantity![0]).toMatch(/3 devices are committed.*cannot go below 3/);
    const [unchanged] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.id, lines[0]!.id));
    expect([unchanged!.quantity, unchanged!.unitPrice]).toEqual([4, 5000]);

    await updateOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: lines[0]!.id, quantity: 3, unitPrice: '60', actor });
    const [changed] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.id, lines[0]!.id));
    expect([changed!.quantity, changed!.unitPrice]).toEqual([3, 6000]);
    const audit = await auditOf(db, seller.sellerId, 'sales_order', order.id);
    expect(audit[0]!.details).toMatchObject({ from: { quantity: 4, unitPrice: 5000 }, to: { quantity: 3, unitPrice: 6000 } });
  });

  it('adds a line at the list price, refuses a product already on the order, removes only lines without devices', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const first = await addProduct(db, seller);
    const second = await addProduct(db, seller, { listPrice: 7777 });
    const [device] = await addDevices(db, seller, first.id, 1);
    const { order, lines } = await addOrder(db, seller, org.id, [{ productId: first.id, quantity: 1 }]);
    const added = await addOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, productId: second.id, quantity: 2, actor });
    expect([added.quantity, added.unitPrice, added.position]).toEqual([2, 7777, 1]);
    const dup = await rejection(addOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, productId: first.id, quantity: 1, actor }));
    expect(dup.message).toMatch(/already on this order/);

    await commitDirectly(db, lines[0]!.id, [device!.id]);
    const committed = await rejection(removeOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: lines[0]!.id, actor }));
    expect(committed.message).toMatch(/Uncommit them before removing the line/);
    await removeOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: added.id, actor });
    const remaining = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.orderId, order.id));
    expect(remaining.map((l) => l.id)).toEqual([lines[0]!.id]);
    const last = await rejection(removeOrderLine(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: lines[0]!.id, actor }));
    expect(last.message).toMatch(/Uncommit|at least one line/);
  });

  it('saves PO number, notes and payment method, refusing a foreign payment method', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], { paymentMethod: null });
    await updateOrderDetails(db, {
      sellerId: seller.sellerId,
      orderNumber: order.number,
      poNumber: 'PO-9',
      notes: 'Pallet',
      paymentMethodId: seller.paymentMethod('Wire transfer').id,
      actor,
    });
    const [row] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, order.id));
    expect([row!.poNumber, row!.notes, row!.paymentMethodId]).toEqual(['PO-9', 'Pallet', seller.paymentMethod('Wire transfer').id]);
    const other = await buildSeller(db);
    await rejection(
      updateOrderDetails(db, { sellerId: seller.sellerId, orderNumber: order.number, poNumber: 'X', notes: null, paymentMethodId: other.paymentMethod('Net 30').id, actor }),
    );
    const [after] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, order.id));
    expect(after!.poNumber).toBe('PO-9');
  });

  it("answers another seller's order number as not found for reads and every write", async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const { order, lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    const other = await buildSeller(db);
    const otherActor = await addStaffActor(db, other);
    const sellerId = other.sellerId;
    expect(await findOrderByNumber(db, { sellerId, number: order.number })).toBeNull();
    // Thunks: each write starts only when awaited, so none rejects unobserved.
    const writes = [
      () => changeOrderStatus(db, { sellerId, orderNumber: order.number, statusId: other.orderStatus('Shipped').id, actor: otherActor }),
      () => updateOrderLine(db, { sellerId, orderNumber: order.number, lineId: lines[0]!.id, quantity: 5, actor: otherActor }),
      () => removeOrderLine(db, { sellerId, orderNumber: order.number, lineId: lines[0]!.id, actor: otherActor }),
      () => updateOrderDetails(db, { sellerId, orderNumber: order.number, poNumber: 'X', notes: null, paymentMethodId: null, actor: otherActor }),
    ];
    for (const write of writes) expect((await rejection(write())).message).toMatch(/was not found/);
    // Even with its own order of that number, a line id of the first seller is refused.
    const { order: own } = await addOrder(db, other, (await addOrganization(db, other)).id, [{ productId: (await addProduct(db, other)).id, quantity: 1 }]);
    expect(
      (await rejection(updateOrderLine(db, { sellerId, orderNumber: own.number, lineId: lines[0]!.id, quantity: 5, actor: otherActor }))).message,
    ).toBe('That line is not on this order.');
    const [line] = await db.select().from(s.salesOrderLines).where(and(eq(s.salesOrderLines.id, lines[0]!.id)));
    expect(line!.quantity).toBe(1);
  });
});
