import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addToCart } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { loadPortalSettings, savePortalSettings } from '@/db/queries/settings/portal-settings';
import { updateOrderStatus } from '@/db/queries/settings/catalogues/order-statuses';
import type { StaffActor } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { checkoutSchema } from '@/lib/validation/checkout';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { asResult } from '../support/as-result';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, commitDirectly } from '../support/orders-fixtures';
import { addBuyer, checkoutKey, setPortalSettings } from '../support/portal-fixtures';
import { addStaffActor as addSettingsActor, demoPortalInput } from '../support/settings-fixtures';

/**
 * The buyer hears about an order through the outbox, each email once: an
 * order confirmation for every portal order (never an IMEI), "order N is now
 * <status>" for the statuses the seller chose, and "your order has shipped"
 * with tracking links and the IMEIs when it ships with tracking numbers.
 * The "new portal order" email goes to the staff chosen in portal settings.
 */
describe('order emails', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  const mailOf = (kind: string, to?: string) =>
    database.db
      .select()
      .from(s.emailMessages)
      .where(and(eq(s.emailMessages.sellerId, seller.sellerId), eq(s.emailMessages.kind, kind), ...(to ? [eq(s.emailMessages.recipient, to)] : [])))
      .orderBy(s.emailMessages.id);

  /** A Confirmed order of 2 + 1 devices, all committed, placed by a portal buyer (or by staff). */
  async function committedOrder(placedBy: 'buyer' | 'staff' = 'buyer') {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const phone = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPhone 13', sku: `IP13-${buyer.account.id}` });
    const tablet = await addProduct(db, seller, { manufacturer: 'Samsung', model: 'Galaxy S22', sku: `GS22-${buyer.account.id}` });
    const phones = await addDevices(db, seller, phone.id, 2);
    const tablets = await addDevices(db, seller, tablet.id, 1);
    const { order, lines } = await addOrder(db, seller, buyer.organization.id, [
      { productId: phone.id, quantity: 2 },
      { productId: tablet.id, quantity: 1 },
    ]);
    await commitDirectly(db, lines[0]!.id, phones.map((d) => d.id));
    await commitDirectly(db, lines[1]!.id, tablets.map((d) => d.id));
    if (placedBy === 'buyer') await db.update(s.salesOrders).set({ placedByAccountId: buyer.account.id }).where(eq(s.salesOrders.id, order.id));
    else await db.update(s.salesOrders).set({ placedByStaffId: actor.staffUserId }).where(eq(s.salesOrders.id, order.id));
    return { buyer, order, imeis: [...phones, ...tablets].map((d) => d.imei!) };
  }
  const ship = (orderNumber: number, shipments?: { carrier: string; trackingNumber: string }[]) =>
    changeOrderStatus(database.db, { sellerId: seller.sellerId, orderNumber, statusId: seller.orderStatus('Shipped').id, actor, shipments });

  describe('your order has shipped', () => {
    it('lists the products, the committed IMEIs and the tracking links, to the placing buyer', async () => {
      const { buyer, order, imeis } = await committedOrder();
      const result = await ship(order.number, [
        { carrier: 'fedex', trackingNumber: '771234567890' },
        { carrier: 'other', trackingNumber: 'PALLET-12' },
      ]);
      expect(result.emailed).toBe('order_shipped');
      const [mail, ...more] = await mailOf('order_shipped', buyer.account.email);
      expect(more).toHaveLength(0);
      expect(mail!.subject).toBe(`Your order ${order.number} from Seller ${seller.seller.slug} has shipped`);
      for (const imei of imeis) {
        expect(mail!.text).toContain(imei);
        expect(mail!.html).toContain(imei);
      }
      expect(mail!.text).toMatch(/Apple iPhone 13 .*\| 2 \|/);
      expect(mail!.text).toMatch(/Samsung Galaxy S22 .*\| 1 \|/);
      expect(mail!.text).toContain('FedEx 771234567890: https://www.fedex.com/fedextrack/?trknbr=771234567890');
      expect(mail!.text).toContain('Other PALLET-12');
      expect(mail!.text).toContain(`/p/${seller.seller.slug}/orders/${order.number}`);
      // It replaces the short status email.
      expect(await mailOf('order_status', buyer.account.email)).toHaveLength(0);
    });

    it('is sent once when the change is retried or double-clicked', async () => {
      const { buyer, order } = await committedOrder();
      const tracking = [{ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }];
      const [first, second] = await Promise.all([ship(order.number, tracking), ship(order.number, tracking)]);
      expect([first.changed, second.changed].sort()).toEqual([false, true]);
      const third = await ship(order.number, tracking);
      expect(third).toMatchObject({ changed: false, emailed: null });
      expect(await mailOf('order_shipped', buyer.account.email)).toHaveLength(1);
      expect(await database.db.select().from(s.orderShipments).where(eq(s.orderShipments.orderId, order.id))).toHaveLength(1);
    });

    it("goes to the organization's email when staff placed the order", async () => {
      const { buyer, order } = await committedOrder('staff');
      await ship(order.number, [{ carrier: 'usps', trackingNumber: '9400100000000000000001' }]);
      expect(await mailOf('order_shipped', buyer.account.email)).toHaveLength(0);
      expect(await mailOf('order_shipped', buyer.organization.email!)).toHaveLength(1);
    });

    it('is not sent without tracking numbers when the status does not email the buyer', async () => {
      const { buyer, order } = await committedOrder();
      const result = await ship(order.number);
      expect(result.emailed).toBeNull();
      expect(await mailOf('order_shipped', buyer.account.email)).toHaveLength(0);
      expect(await mailOf('order_status', buyer.account.email)).toHaveLength(0);
    });
  });

  describe('per-status buyer emails', () => {
    it('emails "order N is now <status>" only for statuses set to, once per entering', async () => {
      const { db } = database;
      const owner = await addSettingsActor(db, seller, 'owner');
      const confirmed = seller.orderStatus('Confirmed');
      const { buyer, order } = await committedOrder();
      await db.update(s.salesOrders).set({ statusId: seller.orderStatus('Awaiting Confirmation').id }).where(eq(s.salesOrders.id, order.id));

      // Not flagged: nothing.
      await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: confirmed.id, actor });
      expect(await mailOf('order_status', buyer.account.email)).toHaveLength(0);

      await updateOrderStatus(db, {
        sellerId: seller.sellerId,
        actor: owner,
        statusId: confirmed.id,
        input: { name: confirmed.name, color: confirmed.color, isOpen: 'on', allowsCommitting: 'on', emailBuyer: 'on', position: String(confirmed.position) },
      });
      const [stored] = await db.select().from(s.orderStatuses).where(eq(s.orderStatuses.id, confirmed.id));
      expect(stored!.emailBuyer).toBe(true);

      await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: seller.orderStatus('Awaiting Confirmation').id, actor });
      const entered = await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: confirmed.id, actor });
      expect(entered.emailed).toBe('order_status');
      await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: confirmed.id, actor }); // a retry
      const mails = await mailOf('order_status', buyer.account.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(`Order ${order.number} is now Confirmed`);

      // Shipped flagged, without tracking: the short email names Shipped.
      const shipped = seller.orderStatus('Shipped');
      await db.update(s.orderStatuses).set({ emailBuyer: true }).where(eq(s.orderStatuses.id, shipped.id));
      try {
        const result = await ship(order.number);
        expect(result.emailed).toBe('order_status');
        expect((await mailOf('order_status', buyer.account.email)).map((m) => m.subject)).toContain(`Order ${order.number} is now Shipped`);
      } finally {
        await db.update(s.orderStatuses).set({ emailBuyer: false }).where(eq(s.orderStatuses.id, shipped.id));
        await db.update(s.orderStatuses).set({ emailBuyer: false }).where(eq(s.orderStatuses.id, confirmed.id));
      }
    });

    it("refuses another seller's order number and queues nothing", async () => {
      const { db } = database;
      const other = await buildSeller(db);
      const otherActor = await addStaffActor(db, other);
      const { order } = await committedOrder();
      const before = await db.select().from(s.emailMessages);
      const error = await changeOrderStatus(db, {
        sellerId: other.sellerId,
        orderNumber: order.number + 10_000,
        statusId: other.orderStatus('Shipped').id,
        actor: otherActor,
        shipments: [{ carrier: 'ups', trackingNumber: '1Z999AA10123456784' }],
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Refusal);
      expect((error as Refusal).code).toBe('not_found');
      // A status id of another seller is refused too.
      const foreign = await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: order.number, statusId: other.orderStatus('Shipped').id, actor }).catch((e: unknown) => e);
      expect(foreign).toBeInstanceOf(Refusal);
      expect(await db.select().from(s.emailMessages)).toHaveLength(before.length);
    });
  });

  describe('portal orders', () => {
    async function portalCheckout(poNumber = 'PO-CONF-1') {
      const { db } = database;
      const buyer = await addBuyer(db, seller);
      const phone = await addProduct(db, seller, { manufacturer: 'Google', model: 'Pixel 8', listPrice: 37_900 });
      const tablet = await addProduct(db, seller, { manufacturer: 'Apple', model: 'iPad Air', listPrice: null });
      const devices = [...(await addDevices(db, seller, phone.id, 3)), ...(await addDevices(db, seller, tablet.id, 1))];
      await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: phone.id, quantity: 3 }));
      await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: tablet.id, quantity: 1 }));
      const input = checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey(), poNumber });
      const placed = await placeOrder(db, { ...buyer.scope, ...input });
      return { buyer, placed, devices, input };
    }

    it('confirms every portal order to the buyer with auto invoice off: products, quantities, prices, total, PO number, never IMEIs; once per checkout', async () => {
      await setPortalSettings(database.db, seller, { autoInvoice: false });
      const { buyer, placed, devices, input } = await portalCheckout();
      expect(placed.invoiceId).toBeNull();
      await placeOrder(database.db, { ...buyer.scope, ...input }); // the same checkout submitted again
      const mails = await mailOf('order_confirmation', buyer.account.email);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail!.subject).toBe(`Order ${placed.number} received by Seller ${seller.seller.slug}`);
      expect(mail!.text).toMatch(/Google Pixel 8 .*\| 3 \| \$379\.00 \| \$1,137\.00/);
      expect(mail!.text).toMatch(/Apple iPad Air .*\| 1 \| to be quoted \| to be quoted/);
      expect(mail!.text).toContain('Total | 4 |  | $1,137.00');
      expect(mail!.text).toContain('PO-CONF-1');
      expect(mail!.html).toContain('PO-CONF-1');
      for (const d of devices) {
        expect(mail!.text).not.toContain(d.imei!);
        expect(mail!.html).not.toContain(d.imei!);
      }
      expect(mail!.text).not.toMatch(/\b\d{15}\b/);
      expect(await mailOf('invoice', buyer.account.email)).toHaveLength(0);
    });

    it('notifies the owners by default, and exactly the staff chosen in portal settings once chosen', async () => {
      const { db } = database;
      const owner = await addSettingsActor(db, seller, 'owner');
      const admin = await addSettingsActor(db, seller, 'admin');
      const staff = await addSettingsActor(db, seller, 'staff');
      const email = async (id: number) => (await db.select().from(s.staffUsers).where(eq(s.staffUsers.id, id)))[0]!.email;
      const [ownerEmail, adminEmail, staffEmail] = [await email(owner.staffUserId), await email(admin.staffUserId), await email(staff.staffUserId)];

      const page = await loadPortalSettings(db, { sellerId: seller.sellerId });
      expect(page.newOrderRecipientIds).toContain(owner.staffUserId);
      expect(page.newOrderRecipientIds).not.toContain(staff.staffUserId);
      const first = await portalCheckout('PO-DEFAULT');
      const toDefault = (await mailOf('portal_order')).filter((m) => m.subject.includes(`order ${first.placed.number} `));
      expect(toDefault.map((m) => m.recipient)).toContain(ownerEmail);
      expect(toDefault.map((m) => m.recipient)).not.toContain(staffEmail);

      const saved = await asResult(
        savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { newOrderRecipientIds: [String(staff.staffUserId), String(admin.staffUserId)] }) }),
      );
      expect(saved.ok).toBe(true);
      const [entry] = await db
        .select()
        .from(s.auditEntries)
        .where(and(eq(s.auditEntries.sellerId, seller.sellerId), eq(s.auditEntries.action, 'portal_settings.update')))
        .orderBy(s.auditEntries.id);
      expect(entry!.details).toMatchObject({ before: { newOrderRecipients: 'the owners' }, after: { newOrderRecipients: expect.arrayContaining([admin.name, staff.name]) } });

      const second = await portalCheckout('PO-CHOSEN');
      const toChosen = (await mailOf('portal_order')).filter((m) => m.subject.includes(`order ${second.placed.number} `));
      expect(toChosen.map((m) => m.recipient).sort()).toEqual([adminEmail, staffEmail].sort());
      expect(toChosen[0]!.text).toContain(`/admin/orders/${second.placed.number}`);

      // Chosen staff who are no longer active are skipped; with none of them active, the owners are notified.
      await db.update(s.staffUsers).set({ status: 'disabled' }).where(eq(s.staffUsers.id, admin.staffUserId));
      const oneLeft = await portalCheckout('PO-ONE-LEFT');
      const toOneLeft = (await mailOf('portal_order')).filter((m) => m.subject.includes(`order ${oneLeft.placed.number} `));
      expect(toOneLeft.map((m) => m.recipient)).toEqual([staffEmail]);
      await db.update(s.staffUsers).set({ status: 'disabled' }).where(eq(s.staffUsers.id, staff.staffUserId));
      const noneLeft = await portalCheckout('PO-NONE-LEFT');
      const toNoneLeft = (await mailOf('portal_order')).filter((m) => m.subject.includes(`order ${noneLeft.placed.number} `));
      expect(toNoneLeft.map((m) => m.recipient)).toContain(ownerEmail);
      expect(toNoneLeft.map((m) => m.recipient)).not.toContain(staffEmail);
      await db.update(s.staffUsers).set({ status: 'active' }).where(inArray(s.staffUsers.id, [admin.staffUserId, staff.staffUserId]));

      // A staff id of another seller is refused, nothing saved.
      const other = await buildSeller(db);
      const stranger = await addSettingsActor(db, other, 'owner');
      const refused = await asResult(
        savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { newOrderRecipientIds: [String(stranger.staffUserId)] }) }),
      );
      expect(refused.ok).toBe(false);
      const stored = await db.select().from(s.portalOrderRecipients).where(eq(s.portalOrderRecipients.sellerId, seller.sellerId));
      expect(stored.map((r) => r.staffUserId).sort()).toEqual([admin.staffUserId, staff.staffUserId].sort());

      // Ticking nobody goes back to the owners.
      await asResult(savePortalSettings(db, { sellerId: seller.sellerId, actor: owner, input: demoPortalInput(seller, { newOrderRecipientIds: [] }) }));
      expect(await db.select().from(s.portalOrderRecipients).where(inArray(s.portalOrderRecipients.staffUserId, [admin.staffUserId, staff.staffUserId]))).toHaveLength(0);
      const third = await portalCheckout('PO-BACK');
      const toOwners = (await mailOf('portal_order')).filter((m) => m.subject.includes(`order ${third.placed.number} `));
      expect(toOwners.map((m) => m.recipient)).toContain(ownerEmail);
      expect(toOwners.map((m) => m.recipient)).not.toContain(staffEmail);
    });
  });

  it('keeps organizations apart: the confirmation goes to the buyer who placed it only', async () => {
    const { db } = database;
    const bystander = await addOrganization(db, seller);
    const { buyer } = await (async () => {
      const b = await addBuyer(db, seller);
      const p = await addProduct(db, seller, { listPrice: 1000 });
      await addDevices(db, seller, p.id, 1);
      await db.transaction((tx) => addToCart(tx, { ...b.scope, productId: p.id, quantity: 1 }));
      await placeOrder(db, { ...b.scope, ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey() }) });
      return { buyer: b };
    })();
    expect(await mailOf('order_confirmation', buyer.account.email)).toHaveLength(1);
    expect(await mailOf('order_confirmation', bystander.email!)).toHaveLength(0);
  });
});
