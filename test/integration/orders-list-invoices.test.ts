import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { listOrders } from '@/db/queries/orders/list-orders';
import { createOrderInvoice, emailOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { findSellerInvoiceDocument as findInvoiceForPrint } from '@/db/queries/invoices/find-invoice-document';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import type { StaffActor } from '@/db/queries/audit';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor } from '../support/orders-fixtures';

describe('order list and invoices', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  it('filters by status, open statuses, channel, organization, dates and number or PO; newest first, paged in the database', async () => {
    const { db } = database;
    const north = await addOrganization(db, seller, 'North');
    const south = await addOrganization(db, seller, 'South');
    const product = await addProduct(db, seller);
    const cheap = await addProduct(db, seller);
    const made = [];
    for (const [i, spec] of (
      [
        [north, 'Awaiting Confirmation', 'B2B Portal', '2026-01-05'],
        [north, 'Confirmed', 'Phone', '2026-01-10'],
        [south, 'Shipped', 'Phone', '2026-02-01'],
        [south, 'Cancelled', 'Email', '2026-02-20'],
      ] as const
    ).entries()) {
      const { order } = await addOrder(
        db,
        seller,
        spec[0].id,
        [
          { productId: product.id, quantity: 2, unitPrice: 10000 },
          { productId: cheap.id, quantity: 1, unitPrice: i === 0 ? null : 500 },
        ],
        { status: spec[1], channel: spec[2] },
      );
      await db
        .update(s.salesOrders)
        .set({ createdAt: new Date(`${spec[3]}T12:00:00Z`), poNumber: `PO-${100 + i}` })
        .where(eq(s.salesOrders.id, order.id));
      made.push(order);
    }
    const other = await buildSeller(db);
    await addOrder(db, other, (await addOrganization(db, other)).id, [{ productId: (await addProduct(db, other)).id, quantity: 1 }]);

    const list = (f: Parameters<typeof listOrders>[1] extends infer P ? Omit<P, 'sellerId' | 'page' | 'pageSize'> : never, page = 1, pageSize = 25) =>
      listOrders(db, { sellerId: seller.sellerId, page, pageSize, ...f });
    const numbers = async (f: Parameters<typeof list>[0]) => (await list(f)).rows.map((r) => r.number);
    const [a, b, c, d] = made.map((o) => o.number);

    const all = await list({});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.number)).toEqual([d, c, b, a]);
    expect(all.rows[0]).toMatchObject({ organizationName: 'South', statusName: 'Cancelled', channelName: 'Email', poNumber: 'PO-103', itemCount: 3, total: 20500, hasUnpriced: false });
    expect(all.rows[3]).toMatchObject({ itemCount: 3, total: 20000, hasUnpriced: true });
    expect(await numbers({ status: seller.orderStatus('Shipped').id })).toEqual([c]);
    expect(await numbers({ status: 'open' })).toEqual([b, a]);
    expect(await numbers({ channelId: seller.channel('Phone').id })).toEqual([c, b]);
    expect(await numbers({ organizationId: north.id })).toEqual([b, a]);
    expect(await numbers({ from: '2026-01-10', to: '2026-02-01' })).toEqual([c, b]);
    expect(await numbers({ search: String(a) })).toEqual([a]);
    expect(await numbers({ search: 'po-102' })).toEqual([c]);
    expect(await numbers({ search: '100%' })).toEqual([]);

    const page2 = await list({}, 2, 3);
    expect(page2.total).toBe(4);
    expect(page2.rows.map((r) => r.number)).toEqual([a]);
    expect((await list({}, 1, 3)).total).toBe(4);
    expect(await list({}, 5, 3)).toMatchObject({ total: 4, rows: [] });
    // Another seller sees none of them.
    expect((await listOrders(db, { sellerId: other.sellerId, page: 1, pageSize: 25 })).rows.map((r) => r.organizationName)).not.toContain('North');
  });

  it('creates an invoice and queues its email in one step, shows it on the order, and marks it paid', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller, 'Invoice Me Ltd');
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 3, unitPrice: 2500 }]);
    const invoice = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: true, actor });
    expect(invoice.total).toBe(7500);
    const [message] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.recipient, org.email!));
    expect(message!.subject).toContain(`Invoice ${invoice.number}`);

    const detail = await findOrderByNumber(db, { sellerId: seller.sellerId, number: order.number });
    expect(detail!.invoices).toHaveLength(1);
    expect(detail!.invoices[0]).toMatchObject({ number: invoice.number, total: 7500, paidAt: null });
    expect(detail!.invoices[0]!.emailedAt).not.toBeNull();
    expect(detail!.history.map((h) => h.action)).toContain('invoice.create');

    await setInvoicePaid(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number, paid: true, actor });
    const [paid] = await db.select().from(s.invoices).where(eq(s.invoices.id, invoice.id));
    expect(paid!.paidAt).not.toBeNull();
    await setInvoicePaid(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number, paid: false, actor });
    const [unpaid] = await db.select().from(s.invoices).where(eq(s.invoices.id, invoice.id));
    expect(unpaid!.paidAt).toBeNull();

    await emailOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number, actor });
    const sent = await db.select().from(s.emailMessages).where(eq(s.emailMessages.recipient, org.email!));
    expect(sent).toHaveLength(2);
    // The history says to whom: "emailed invoice 5021 of order 1025 to …".
    const [emailed] = await db.select().from(s.auditEntries).where(and(eq(s.auditEntries.action, 'invoice.email'), eq(s.auditEntries.entityId, order.id)));
    expect(emailed!.details).toMatchObject({ invoiceNumber: invoice.number, to: org.email });

    const printable = await findInvoiceForPrint(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number });
    expect(printable!.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([[3, 2500, 7500]]);
  });

  it('refuses to create and email an invoice when there is no address, leaving no invoice behind', async () => {
    const { db } = database;
    const [org] = await db.insert(s.organizations).values({ sellerId: seller.sellerId, name: 'No Email Co' }).returning();
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org!.id, [{ productId: product.id, quantity: 1 }]);
    await expect(createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: true, actor })).rejects.toThrow(
      /no email address/,
    );
    expect(await db.select().from(s.invoices).where(eq(s.invoices.orderId, order.id))).toHaveLength(0);
    const invoice = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: false, actor });
    expect(invoice.emailedAt).toBeNull();
  });

  it("keeps invoices to their seller and their order", async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    const { order: otherOrder } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    const invoice = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: false, actor });
    const other = await buildSeller(db);
    const otherActor = await addStaffActor(db, other);
    expect(await findInvoiceForPrint(db, { sellerId: other.sellerId, orderNumber: order.number, invoiceNumber: invoice.number })).toBeNull();
    expect(await findInvoiceForPrint(db, { sellerId: seller.sellerId, orderNumber: otherOrder.number, invoiceNumber: invoice.number })).toBeNull();
    await expect(
      setInvoicePaid(db, { sellerId: seller.sellerId, orderNumber: otherOrder.number, invoiceNumber: invoice.number, paid: true, actor }),
    ).rejects.toThrow(/not an invoice of this order/);
    await expect(
      createOrderInvoice(db, { sellerId: other.sellerId, orderNumber: order.number, email: false, actor: otherActor }),
    ).rejects.toThrow(/not found/);
    const [row] = await db.select().from(s.invoices).where(eq(s.invoices.id, invoice.id));
    expect(row!.paidAt).toBeNull();
  });
});
