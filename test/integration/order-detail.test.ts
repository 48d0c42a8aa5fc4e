import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { customerOrderDevices, findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { createInvoiceForOrder } from '@/db/queries/invoices/create-invoice';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addPortalAccount, addProduct, buildSeller } from '../support/fixtures';
import { addOrder, commitDevices } from '../support/history-fixtures';

describe('an order of the organization', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('has its lines with prices or "to be quoted", devices assigned per line, and its invoices', async () => {
    const { db } = database;
    const seller = await buildSeller(db);
    const org = await addOrganization(db, seller);
    const account = await addPortalAccount(db, seller, org.id, { name: 'Nora Buyer' });
    const phone = await addProduct(db, seller, { model: 'iPhone 15', listPrice: 50000 });
    const tablet = await addProduct(db, seller, { model: 'iPad Air', listPrice: null });
    const phones = await addDevices(db, seller, phone.id, 3, { status: 'Sold' });
    const tablets = await addDevices(db, seller, tablet.id, 1, { status: 'Sold' });
    const { order, lines } = await addOrder(db, seller, {
      organizationId: org.id,
      status: 'Confirmed',
      channel: 'B2B Portal',
      poNumber: 'PO-1',
      placedByAccountId: account.id,
      lines: [
        { productId: phone.id, quantity: 3, unitPrice: 50000 },
        { productId: tablet.id, quantity: 2, unitPrice: null },
      ],
    });
    await commitDevices(db, lines[0]!.id, phones.slice(0, 2).map((d) => d.id));
    await commitDevices(db, lines[1]!.id, tablets.map((d) => d.id));
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    const scope = { sellerId: seller.sellerId, organizationId: org.id, number: order.number };

    const found = await findCustomerOrder(db, scope);
    expect(found).toMatchObject({
      number: order.number,
      statusName: 'Confirmed',
      channelName: 'B2B Portal',
      paymentMethodName: 'Wire transfer',
      placedByName: 'Nora Buyer',
      poNumber: 'PO-1',
      cancelled: false,
      items: 5,
      total: 150000,
      hasUnpriced: true,
      committedCount: 3,
    });
    expect(found!.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.amount, l.committed])).toEqual([
      [phone.id, 3, 50000, 150000, 2],
      [tablet.id, 2, null, null, 1],
    ]);
    expect(found!.invoices.map((i) => [i.number, i.total, i.paidAt])).toEqual([[invoice.number, 150000, null]]);

    const devices = await customerOrderDevices(db, scope);
    expect(devices.map((d) => [d.lineId, d.imei])).toEqual([
      ...phones.slice(0, 2).map((d) => [lines[0]!.id, d.imei]).sort(),
      [lines[1]!.id, tablets[0]!.imei],
    ]);

    const listed = await listCustomerOrders(db, { sellerId: seller.sellerId, organizationId: org.id, page: 1, pageSize: 10 });
    expect(listed.rows[0]).toMatchObject({ number: order.number, items: 5, total: 150000, hasUnpriced: true, poNumber: 'PO-1', channelName: 'B2B Portal' });
  });

  it('knows a cancelled order', async () => {
    const { db } = database;
    const seller = await buildSeller(db);
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const { order } = await addOrder(db, seller, { organizationId: org.id, status: 'Cancelled', lines: [{ productId: product.id, quantity: 1 }] });
    const found = await findCustomerOrder(db, { sellerId: seller.sellerId, organizationId: org.id, number: order.number });
    expect(found).toMatchObject({ cancelled: true, statusName: 'Cancelled', placedByName: null, committedCount: 0 });
  });
});
