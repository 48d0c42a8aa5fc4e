import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { checkoutSchema } from '@/lib/validation/checkout';
import { dispatchDueEmails } from '@/lib/email/dispatcher';
import { configuredTransport, type EmailTransport } from '@/lib/email/transport';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { dashboardSummary } from '@/db/queries/dashboard';
import { auditSentence } from '@/components/back-office/describe-audit';
import { addDevices, addOrganization, addPortalAccount, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { addBuyer, checkoutKey, setPortalSettings } from '../support/portal-fixtures';
import { startResendStandIn } from '../support/resend-stand-in';

/**
 * The auto-invoice email of a portal checkout, as the Resend API receives it
 * (a local stand-in reached through RESEND_BASE_URL): products and quantities,
 * never an IMEI, and a failing provider never loses the order.
 */
describe('auto-invoice email through Resend', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let standIn: Awaited<ReturnType<typeof startResendStandIn>>;
  let transport: EmailTransport;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    await setPortalSettings(database.db, seller, { autoInvoice: true });
    standIn = await startResendStandIn();
    process.env.RESEND_BASE_URL = standIn.url;
    process.env.RESEND_API_KEY = 're_stand_in_key';
    transport = configuredTransport()!;
  });
  afterAll(async () => {
    delete process.env.RESEND_BASE_URL;
    delete process.env.RESEND_API_KEY;
    await standIn.close();
    await database.close();
  });

  it('sends the invoice with products and quantities and no IMEI of any device', async () => {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const phone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 14', listPrice: 45_000 });
    const tablet = await addProduct(db, seller, { manufacturer: 'Samsung', model: 'Galaxy S23', listPrice: null });
    const devices = [...(await addDevices(db, seller, phone.id, 4)), ...(await addDevices(db, seller, tablet.id, 2))];
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: phone.id, quantity: 3 }));
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: tablet.id, quantity: 1 }));

    const placed = await placeOrder(db, {
      ...buyer.scope,
      ...checkoutSchema.parse({
        paymentMethodId: seller.paymentMethod('Wire transfer').id,
        idempotencyKey: checkoutKey(),
        poNumber: 'PO-MAIL-1',
      }),
    });
    expect(placed.invoiceId).not.toBeNull();

    const report = await dispatchDueEmails(db, { transport });
    // The invoice, and the order confirmation every portal order gets (order-emails.test.ts).
    expect(report.sent).toHaveLength(2);
    expect(standIn.requests).toHaveLength(2);
    const { body } = standIn.requests.find((r) => String(r.body.subject).startsWith('Invoice '))!;
    expect(body.to).toBe(buyer.account.email);
    expect(body.subject).toContain(`for order ${placed.number}`);
    const text = String(body.text);
    const html = String(body.html);
    expect(text).toMatch(/Apple iPhone 14.*\| 3 \|/);
    expect(text).toMatch(/Samsung Galaxy S23.*\| 1 \| to be quoted/);
    expect(html).toContain('PO-MAIL-1');
    for (const device of devices) {
      expect(text).not.toContain(device.imei!);
      expect(html).not.toContain(device.imei!);
    }
    expect(text).not.toMatch(/\b\d{15}\b/);
    expect(html).not.toMatch(/\b\d{15}\b/);
  });

  it('keeps the order when the provider fails, and sends the invoice on the retry', async () => {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const product = await addProduct(db, seller, { listPrice: 10_000 });
    await addDevices(db, seller, product.id, 2);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity: 2 }));
    const placed = await placeOrder(db, {
      ...buyer.scope,
      ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey() }),
    });

    const sentBefore = standIn.requests.length;
    const failing: EmailTransport = {
      send: async () => {
        throw new Error('provider down');
      },
    };
    const first = await dispatchDueEmails(db, { transport: failing });
    expect(first.retried).toHaveLength(2); // the invoice and the order confirmation
    const [order] = await db.select().from(s.salesOrders).where(eq(s.salesOrders.id, placed.orderId));
    expect(order?.number).toBe(placed.number);
    const messages = await db.select().from(s.emailMessages).where(inArray(s.emailMessages.id, first.retried));
    const message = messages.find((m) => m.kind === 'invoice');
    expect(message).toMatchObject({ status: 'queued', attempts: 1, lastError: expect.stringContaining('provider down') });

    // When the retry falls due, the working provider delivers it.
    const second = await dispatchDueEmails(db, { transport, now: new Date(Date.now() + 2 * 60 * 60 * 1000) });
    expect(second.sent).toContain(message!.id);
    expect(second.sent).toHaveLength(2);
    expect(standIn.requests.length).toBe(sentBefore + 2);
  });
});

/**
 * A portal order is the buyer's act: it is audited with the portal account as
 * actor (so the dashboard and the order's history read "Nora Buyer placed
 * order 1025 ($…)"), and the seller's owners get one email through the
 * outbox, written with the order, never twice for a retried checkout. The
 * buyer's invoice email links the order's page, not the list.
 */
describe('a portal order announced to staff', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('audits the order with the buyer as actor and emails the active owners once, even when the checkout is retried', async () => {
    const { db } = database;
    const seller = await buildSeller(db);
    await setPortalSettings(db, seller, { autoInvoice: true });
    const owner = await addStaffActor(db, seller, 'owner');
    const disabledOwner = await addStaffActor(db, seller, 'owner');
    await db.update(s.staffUsers).set({ status: 'disabled' }).where(eq(s.staffUsers.id, disabledOwner.staffUserId));
    await addStaffActor(db, seller, 'staff');
    const other = await buildSeller(db);
    await addStaffActor(db, other, 'owner');

    const organization = await addOrganization(db, seller, 'Northwind Traders');
    const nora = await addPortalAccount(db, seller, organization.id, { name: 'Nora Buyer' });
    const scope = { sellerId: seller.sellerId, organizationId: organization.id, portalAccountId: nora.id };
    const phone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 12', listPrice: 25_299 });
    await addDevices(db, seller, phone.id, 5);
    await db.transaction((tx) => addToCart(tx, { ...scope, productId: phone.id, quantity: 3 }));
    const values = checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Wire transfer').id, idempotencyKey: checkoutKey(), poNumber: 'PO-77' });

    const placed = await placeOrder(db, { ...scope, ...values });
    const again = await placeOrder(db, { ...scope, ...values });
    expect(again).toMatchObject({ alreadyPlaced: true, number: placed.number });

    const audits = await db
      .select()
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.action, 'order.place')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorLabel: 'Nora Buyer', actorStaffId: null, entityType: 'sales_order', entityId: placed.orderId });
    expect(audits[0]!.details).toMatchObject({ number: placed.number, total: 3 * 25_299, organization: 'Northwind Traders' });

    const summary = await dashboardSummary(db, { sellerId: seller.sellerId });
    expect(summary.recentActivity.map((a) => auditSentence(a, 'USD'))).toContain(
      `Nora Buyer placed order ${placed.number} ($758.97) for Northwind Traders through the portal`,
    );

    const staffMail = await db
      .select()
      .from(s.emailMessages)
      .where(and(eq(s.emailMessages.sellerId, seller.sellerId), eq(s.emailMessages.kind, 'portal_order')));
    expect(staffMail.map((m) => m.recipient)).toEqual([
      (await db.select({ email: s.staffUsers.email }).from(s.staffUsers).where(eq(s.staffUsers.id, owner.staffUserId)))[0]!.email,
    ]);
    expect(staffMail[0]!.subject).toBe(`New portal order ${placed.number} from Northwind Traders ($758.97)`);
    expect(staffMail[0]!.text).toContain('Nora Buyer');
    expect(staffMail[0]!.text).toContain('PO number PO-77');
    expect(staffMail[0]!.text).toContain(`/admin/orders/${placed.number}`);
    const otherMail = await db.select().from(s.emailMessages).where(eq(s.emailMessages.sellerId, other.sellerId));
    expect(otherMail).toEqual([]);

    const [invoiceMail] = await db
      .select()
      .from(s.emailMessages)
      .where(and(eq(s.emailMessages.sellerId, seller.sellerId), eq(s.emailMessages.kind, 'invoice')));
    const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.orderId, placed.orderId));
    expect(invoiceMail!.text).toContain(`/p/${seller.seller.slug}/orders/${placed.number}`);
    expect(invoiceMail!.text).toContain(`/p/${seller.seller.slug}/orders/${placed.number}/invoices/${invoice!.number}/pdf`);
    expect(invoiceMail!.html).toContain(`View order ${placed.number}`);
    expect(invoiceMail!.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
