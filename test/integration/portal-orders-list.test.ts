import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { createOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { voidInvoice } from '@/db/queries/invoices/void-invoice';
import { invoiceStateText } from '@/components/portal/orders/invoice-state';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor } from '../support/orders-fixtures';

/**
 * The buyer's Orders list: the invoice state of each order ("Unpaid · due …",
 * "Paid", "Not invoiced"), and a search by order or PO number, in the
 * database, paginated, and only within the buyer's organization.
 */
describe('the buyer Orders list', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  it('shows each order’s invoice state and finds orders by number or PO, within the organization only', async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const north = await addOrganization(db, seller, 'North');
    const south = await addOrganization(db, seller, 'South');
    const product = await addProduct(db, seller);
    const make = async (orgId: number, po: string | null) => {
      const { order } = await addOrder(db, seller, orgId, [{ productId: product.id, quantity: 2 }]);
      await db.update(s.salesOrders).set({ poNumber: po }).where(eq(s.salesOrders.id, order.id));
      return order;
    };
    const notInvoiced = await make(north.id, 'PO-100%');
    const unpaid = await make(north.id, 'PO-2001');
    const paid = await make(north.id, 'ACME-7');
    const southOrder = await make(south.id, 'PO-2001');

    const u = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: unpaid.number, email: false, actor });
    await db.update(s.invoices).set({ dueOn: '2099-12-31' }).where(eq(s.invoices.id, u.id));
    const p = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: paid.number, email: false, actor });
    await setInvoicePaid(db, { sellerId: seller.sellerId, orderNumber: paid.number, invoiceNumber: p.number, paid: true, actor });

    const scope = { sellerId: seller.sellerId, organizationId: north.id };
    const all = await listCustomerOrders(db, { ...scope, page: 1, pageSize: 25 });
    const state = Object.fromEntries(all.rows.map((r) => [r.number, invoiceStateText(r.invoice, '2026-12-01')]));
    expect(state).toEqual({
      [notInvoiced.number]: 'Not invoiced',
      [unpaid.number]: 'Unpaid · due Dec 31, 2099',
      [paid.number]: 'Paid',
    });
    expect(invoiceStateText({ state: 'unpaid', count: 1, dueOn: '2026-11-30' }, '2026-12-01')).toBe('Overdue · due Nov 30, 2026');

    const search = (q: string, page = 1, pageSize = 25) => listCustomerOrders(db, { ...scope, search: q, page, pageSize });
    // A PO number (part of it, any case) finds only this organization's order.
    expect((await search('po-2001')).rows.map((r) => r.number)).toEqual([unpaid.number]);
    // An order number finds that order; another organization's number finds nothing.
    expect((await search(String(paid.number))).rows.map((r) => r.number)).toEqual([paid.number]);
    expect(await search(String(southOrder.number))).toEqual({ rows: [], total: 0 });
    // LIKE wildcards are literal.
    expect((await search('%')).rows.map((r) => r.number)).toEqual([notInvoiced.number]);
    // Paginated in the database, the total counts every match.
    const first = await search('PO-', 1, 1);
    const second = await search('PO-', 2, 1);
    expect(first.total).toBe(2);
    expect([...first.rows, ...second.rows].map((r) => r.number).sort()).toEqual([notInvoiced.number, unpaid.number].sort());
  });

  it('does not count a void invoice: an order whose only invoice is void reads "Not invoiced"', async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const org = await addOrganization(db, seller, 'Voided');
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    const invoice = await createOrderInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, email: false, actor });
    const scope = { sellerId: seller.sellerId, organizationId: org.id, page: 1, pageSize: 25 };
    expect(invoiceStateText((await listCustomerOrders(db, scope)).rows[0]!.invoice, '2026-12-01')).toMatch(/^Unpaid/);
    await voidInvoice(db, { sellerId: seller.sellerId, orderNumber: order.number, invoiceNumber: invoice.number, reason: 'Billed twice', actor });
    expect(invoiceStateText((await listCustomerOrders(db, scope)).rows[0]!.invoice, '2026-12-01')).toBe('Not invoiced');
  });
});
