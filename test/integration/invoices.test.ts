import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createInvoiceForOrder, queueInvoiceEmail } from '@/db/queries/invoices/create-invoice';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addPortalAccount, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';

describe('invoices', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  let n = 0;
  async function orderWithLines() {
    const { db } = database;
    n++;
    const org = await addOrganization(db, seller, 'Fish & <Chips> Ltd');
    const account = await addPortalAccount(db, seller, org.id, { email: `ap${n}@fish.example` });
    const priced = await addProduct(db, seller, { listPrice: 25000, model: 'iPhone 13', sku: `IP13-A-${n}` });
    const unpriced = await addProduct(db, seller, { listPrice: null, model: 'Pixel 8', sku: `PX8-B-${n}` });
    const devices = await addDevices(db, seller, priced.id, 2);
    const [order] = await db
      .insert(s.salesOrders)
      .values({
        sellerId: seller.sellerId,
        number: 1000 + n,
        organizationId: org.id,
        placedByAccountId: account.id,
        statusId: seller.orderStatus('Confirmed').id,
        channelId: seller.channel('B2B Portal').id,
        paymentMethodId: seller.paymentMethod('Net 30').id,
        poNumber: 'PO-<77>',
      })
      .returning();
    const [line] = await db
      .insert(s.salesOrderLines)
      .values([
        { sellerId: seller.sellerId, orderId: order!.id, productId: priced.id, quantity: 2, unitPrice: 25000, position: 0 },
        { sellerId: seller.sellerId, orderId: order!.id, productId: unpriced.id, quantity: 1, unitPrice: null, position: 1 },
      ])
      .returning();
    // Even with devices committed, the invoice email lists no IMEI.
    await db.update(s.devices).set({ orderLineId: line!.id }).where(eq(s.devices.id, devices[0]!.id));
    return { order: order!, devices };
  }

  it('numbers per seller, totals priced lines, marks unpriced ones, snapshots the payment method', async () => {
    const { db } = database;
    const { order } = await orderWithLines();
    const invoice = await db.transaction((tx) =>
      createInvoiceForOrder(tx, { sellerId: seller.sellerId, orderId: order.id, today: '2026-01-10' }),
    );
    expect(invoice.number).toBe(5001);
    expect(invoice.total).toBe(50000);
    expect(invoice.paymentMethodName).toBe('Net 30');
    expect(invoice.dueOn).toBe('2026-02-09');
    const lines = await db.select().from(s.invoiceLines).where(eq(s.invoiceLines.invoiceId, invoice.id));
    expect(lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      [2, 25000, 50000],
      [1, null, 0],
    ]);
    const second = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    expect(second.number).toBe(5002);
  });

  it("refuses another seller's order", async () => {
    const { db } = database;
    const { order } = await orderWithLines();
    const other = await buildSeller(db);
    await expect(createInvoiceForOrder(db, { sellerId: other.sellerId, orderId: order.id })).rejects.toThrow(/not found/);
  });

  it('queues an escaped email with products and quantities and no IMEI', async () => {
    const { db } = database;
    const { order, devices } = await orderWithLines();
    const invoice = await createInvoiceForOrder(db, { sellerId: seller.sellerId, orderId: order.id });
    const id = await queueInvoiceEmail(db, { sellerId: seller.sellerId, invoiceId: invoice.id });
    const [message] = await db.select().from(s.emailMessages).where(eq(s.emailMessages.id, id!));
    expect(message!.recipient).toBe(`ap${n}@fish.example`);
    expect(message!.status).toBe('queued');
    expect(message!.subject).toContain(`Invoice ${invoice.number}`);
    expect(message!.html).toContain('Fish &amp; &lt;Chips&gt; Ltd');
    expect(message!.html).not.toContain('<Chips>');
    expect(message!.html).toContain('PO-&lt;77&gt;');
    expect(message!.text).toContain('to be quoted');
    expect(message!.text).toMatch(/iPhone 13.*\| 2 \|/);
    for (const d of devices) {
      expect(message!.html).not.toContain(d.imei!);
      expect(message!.text).not.toContain(d.imei!);
    }
    const [after] = await db.select().from(s.invoices).where(eq(s.invoices.id, invoice.id));
    expect(after!.emailedAt).not.toBeNull();
  });
});
