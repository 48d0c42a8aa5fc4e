import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { addToCart } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { findCustomerInvoice, findSellerInvoiceDocument } from '@/db/queries/invoices/find-invoice-document';
import { createStaffOrder } from '@/db/queries/orders/create-order';
import { findOrderByNumber } from '@/db/queries/orders/order-detail';
import { findCustomerOrder } from '@/db/queries/portal/orders/find-order';
import { deleteShipToAddress } from '@/db/queries/ship-to-addresses/delete-ship-to-address';
import { listShipToAddresses } from '@/db/queries/ship-to-addresses/list-ship-to-addresses';
import { makeDefaultShipToAddress } from '@/db/queries/ship-to-addresses/make-default-ship-to-address';
import { addBuyerShipToAddress, addShipToAddress, updateShipToAddress } from '@/db/queries/ship-to-addresses/save-ship-to-address';
import { renderInvoicePdf } from '@/lib/invoices/pdf';
import { checkoutSchema } from '@/lib/validation/checkout';
import { shipToAddressForm, staffShipToAddressForm } from '@/lib/validation/ship-to-address';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { addStaffActor as addSettingsActor, demoPortalInput } from '../support/settings-fixtures';
import { savePortalSettings } from '@/db/queries/settings/portal-settings';
import { addBuyer, cartOf, checkoutKey, setPortalSettings } from '../support/portal-fixtures';
import { pdfText } from '../support/pdf-text';

type Buyer = Awaited<ReturnType<typeof addBuyer>>;

const address = (label: string, line1: string, extra: Record<string, string> = {}) =>
  staffShipToAddressForm.parse({ label, line1, city: 'Springfield', country: 'US', ...extra });

describe('ship-to addresses', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: Awaited<ReturnType<typeof addStaffActor>>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  const add = (organizationId: number, values: ReturnType<typeof address>) =>
    addShipToAddress(database.db, { sellerId: seller.sellerId, organizationId, actor, values });

  async function buyerWithCart(quantity = 2) {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const product = await addProduct(db, seller, { listPrice: 30_000 });
    await addDevices(db, seller, product.id, 5);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity }));
    return { buyer, product };
  }

  const checkout = (buyer: Buyer, input: Record<string, unknown> = {}) =>
    placeOrder(database.db, {
      ...buyer.scope,
      ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey: checkoutKey(), ...input }),
    });

  const orderCount = async () =>
    (await database.db.select({ n: count() }).from(s.salesOrders).where(eq(s.salesOrders.sellerId, seller.sellerId)))[0]!.n;

  const shipToOfOrder = async (orderId: number) =>
    (await database.db.select({ shipTo: s.salesOrders.shipTo }).from(s.salesOrders).where(eq(s.salesOrders.id, orderId)))[0]!.shipTo;

  it("the migration moves each organization's shipping address into its default ship-to, and earlier orders keep it", async () => {
    const { db } = database;
    // The database as it was before the migration: the column back, an organization using it, one order.
    await db.execute(sql`alter table organizations add column shipping_address jsonb`);
    const withAddress = await addOrganization(db, seller, 'Legacy Shipping Co');
    const without = await addOrganization(db, seller, 'Legacy No Address');
    await db.execute(sql`update organizations
      set shipping_address = '{"line1":"9 Dock Road","line2":"","city":"Springfield","postalCode":"12346","country":"US"}'::jsonb
      where id = ${withAddress.id}`);
    const [order] = await db
      .insert(s.salesOrders)
      .values({ sellerId: seller.sellerId, number: 70_001, organizationId: withAddress.id, statusId: seller.orderStatus('Confirmed').id, channelId: seller.channel('Phone').id })
      .returning();

    // Found by name, not number: migrations are renumbered when branches merge.
    const folder = path.join(process.cwd(), 'db/migrations');
    const file = fs.readdirSync(folder).find((name) => /^\d+_ship_to_addresses\.sql$/.test(name))!;
    const migration = fs.readFileSync(path.join(folder, file), 'utf8');
    const handWritten = migration.slice(migration.indexOf('-- hand-written:'));
    for (const statement of handWritten.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    expect(await listShipToAddresses(db, { sellerId: seller.sellerId, organizationId: withAddress.id })).toMatchObject([
      { label: 'Main', line1: '9 Dock Road', line2: null, city: 'Springfield', postalCode: '12346', country: 'US', isDefault: true },
    ]);
    expect(await listShipToAddresses(db, { sellerId: seller.sellerId, organizationId: without.id })).toEqual([]);
    expect(await shipToOfOrder(order!.id)).toEqual({ label: 'Main', line1: '9 Dock Road', city: 'Springfield', postalCode: '12346', country: 'US' });
    const columns = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from information_schema.columns where table_name = 'organizations' and column_name = 'shipping_address'`,
    );
    expect(Number(columns[0]!.n)).toBe(0);
  });

  it('keeps exactly one default: the first address is it, a new default replaces it, the index refuses a second', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: org.id };
    const first = await add(org.id, address('Main warehouse', '1 Dock Road'));
    const second = await add(org.id, address('Store 12', '12 High Street'));
    let rows = await listShipToAddresses(db, scope);
    expect(rows.map((r) => [r.label, r.isDefault])).toEqual([['Main warehouse', true], ['Store 12', false]]);

    const third = await add(org.id, address('Repair centre', '3 Fix Lane', { attention: 'Returns', phone: '+1 555 0303' }));
    await add(org.id, { ...address('Night depot', '4 Late Road'), isDefault: true });
    rows = await listShipToAddresses(db, scope);
    expect(rows.filter((r) => r.isDefault).map((r) => r.label)).toEqual(['Night depot']);

    // The partial unique index holds even for a write that skips the queries.
    await expect(
      db.execute(sql`update organization_addresses set is_default = true where id = ${second.data.addressId}`),
    ).rejects.toThrow();

    await makeDefaultShipToAddress(db, { ...scope, actor, addressId: third.data.addressId });
    rows = await listShipToAddresses(db, scope);
    expect(rows.filter((r) => r.isDefault).map((r) => r.id)).toEqual([third.data.addressId]);
    expect(rows[0]!.id).toBe(third.data.addressId);

    const audit = await db
      .select({ action: s.auditEntries.action })
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.entityType, 'organization'), eq(s.auditEntries.entityId, org.id)))
      .orderBy(s.auditEntries.id);
    expect(audit.map((a) => a.action)).toEqual([
      'ship_to_address.add',
      'ship_to_address.add',
      'ship_to_address.add',
      'ship_to_address.add',
      'ship_to_address.make_default',
    ]);
    expect(first.data.addressId).toBeGreaterThan(0);
  });

  it('refuses to delete the default while others exist; after another is made default it goes; the last one may go', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: org.id };
    const main = await add(org.id, address('Main', '1 Dock Road'));
    const other = await add(org.id, address('Other', '2 Dock Road'));

    await expect(deleteShipToAddress(db, { ...scope, actor, addressId: main.data.addressId })).rejects.toMatchObject({ code: 'in_use' });
    expect((await listShipToAddresses(db, scope)).length).toBe(2);

    await makeDefaultShipToAddress(db, { ...scope, actor, addressId: other.data.addressId });
    await deleteShipToAddress(db, { ...scope, actor, addressId: main.data.addressId });
    expect((await listShipToAddresses(db, scope)).map((r) => [r.label, r.isDefault])).toEqual([['Other', true]]);

    await deleteShipToAddress(db, { ...scope, actor, addressId: other.data.addressId });
    expect(await listShipToAddresses(db, scope)).toEqual([]);
  });

  it("answers another seller's organization or address as not found and writes nothing", async () => {
    const { db } = database;
    const rival = await buildSeller(db);
    const theirs = await addOrganization(db, rival);
    const rivalActor = await addStaffActor(db, rival);
    const theirAddress = await addShipToAddress(db, { sellerId: rival.sellerId, organizationId: theirs.id, actor: rivalActor, values: address('Theirs', '1 Rival Road') });
    const mine = await addOrganization(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: theirs.id };

    await expect(add(theirs.id, address('Intruder', '9 Hack Street'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(makeDefaultShipToAddress(db, { ...scope, actor, addressId: theirAddress.data.addressId })).rejects.toMatchObject({ code: 'not_found' });
    // Their address id under my own organization: not one of mine either.
    const underMine = { sellerId: seller.sellerId, organizationId: mine.id, actor, addressId: theirAddress.data.addressId };
    await expect(deleteShipToAddress(db, underMine)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateShipToAddress(db, { ...underMine, values: address('Taken', '1 Over Road') })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listShipToAddresses(db, { sellerId: rival.sellerId, organizationId: theirs.id })).toMatchObject([{ label: 'Theirs', line1: '1 Rival Road' }]);
  });

  it('checkout ships to the default when nothing is chosen, or to the address chosen, as a snapshot', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart();
    await add(buyer.organization.id, address('Main warehouse', '1 Dock Road', { postalCode: '12346' }));
    const store = await add(buyer.organization.id, address('Store 12', '12 High Street', { attention: 'Nora', phone: '+1 555 0112', region: 'IL' }));

    const byDefault = await checkout(buyer);
    expect(await shipToOfOrder(byDefault.orderId)).toEqual({ label: 'Main warehouse', line1: '1 Dock Road', city: 'Springfield', postalCode: '12346', country: 'US' });

    const product = await addProduct(db, seller, { listPrice: 10_000 });
    await addDevices(db, seller, product.id, 2);
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: product.id, quantity: 1 }));
    const chosen = await checkout(buyer, { shipToAddressId: String(store.data.addressId) });
    const snapshot = { label: 'Store 12', attention: 'Nora', line1: '12 High Street', city: 'Springfield', region: 'IL', country: 'US', phone: '+1 555 0112' };
    expect(await shipToOfOrder(chosen.orderId)).toEqual(snapshot);
    // The buyer's order page and the staff order page read it.
    expect((await findCustomerOrder(db, { ...buyer.scope, number: chosen.number }))!.shipTo).toEqual(snapshot);
    expect((await findOrderByNumber(db, { sellerId: seller.sellerId, number: chosen.number }))!.order.shipTo).toEqual(snapshot);
  });

  it("refuses another organization's address id at checkout, writing nothing, and a retry keeps one order", async () => {
    const { db } = database;
    const { buyer, product } = await buyerWithCart(3);
    await add(buyer.organization.id, address('Mine', '1 Own Road'));
    const stranger = await addOrganization(db, seller);
    const theirs = await add(stranger.id, address('Theirs', '2 Other Road'));
    const before = await orderCount();

    await expect(checkout(buyer, { shipToAddressId: theirs.data.addressId })).rejects.toMatchObject({
      code: 'not_found',
      fieldErrors: { shipToAddressId: [expect.stringContaining('not one of your organization')] },
    });
    await expect(checkout(buyer, { shipToAddressId: 2_000_000_000 })).rejects.toMatchObject({ code: 'not_found' });
    expect(await orderCount()).toBe(before);
    expect(await cartOf(db, buyer.account.id)).toEqual([{ productId: product.id, quantity: 3 }]);

    // Idempotency still holds: the same key twice makes one order.
    const key = checkoutKey();
    const first = await checkout(buyer, { idempotencyKey: key });
    const again = await checkout(buyer, { idempotencyKey: key });
    expect(again).toMatchObject({ orderId: first.orderId, alreadyPlaced: true });
    expect(await orderCount()).toBe(before + 1);
  });

  it('a placed order keeps its ship-to after the address is edited or deleted', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart();
    const scope = { sellerId: seller.sellerId, organizationId: buyer.organization.id };
    const main = await add(buyer.organization.id, address('Main', '1 Dock Road'));
    const placed = await checkout(buyer, { shipToAddressId: main.data.addressId });

    const edited = await updateShipToAddress(db, { ...scope, actor, addressId: main.data.addressId, values: address('Main (moved)', '500 New Road') });
    expect(edited.message).toBe('Main (moved) was saved.');
    expect((await listShipToAddresses(db, scope))[0]).toMatchObject({ label: 'Main (moved)', line1: '500 New Road', isDefault: true });
    expect(await shipToOfOrder(placed.orderId)).toEqual({ label: 'Main', line1: '1 Dock Road', city: 'Springfield', country: 'US' });

    await deleteShipToAddress(db, { ...scope, actor, addressId: main.data.addressId });
    expect(await shipToOfOrder(placed.orderId)).toEqual({ label: 'Main', line1: '1 Dock Road', city: 'Springfield', country: 'US' });
    const [entry] = await db
      .select({ details: s.auditEntries.details })
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.action, 'ship_to_address.update'), eq(s.auditEntries.entityId, buyer.organization.id)));
    expect(entry!.details).toMatchObject({ changes: { label: { from: 'Main', to: 'Main (moved)' }, line1: { from: '1 Dock Road', to: '500 New Road' } } });
  });

  it('two "Make default" at once leave exactly one default', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: org.id };
    await add(org.id, address('A', '1 A Road'));
    const b = await add(org.id, address('B', '2 B Road'));
    const c = await add(org.id, address('C', '3 C Road'));
    await Promise.all([
      makeDefaultShipToAddress(db, { ...scope, actor, addressId: b.data.addressId }),
      makeDefaultShipToAddress(db, { ...scope, actor, addressId: c.data.addressId }),
    ]);
    const defaults = (await listShipToAddresses(db, scope)).filter((r) => r.isDefault);
    expect(defaults).toHaveLength(1);
    expect([b.data.addressId, c.data.addressId]).toContain(defaults[0]!.id);
  });

  it('"Buyers may add shipping addresses" is saved with the Customer Portal settings and audited', async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const admin = await addSettingsActor(db, other, 'admin');
    await savePortalSettings(db, { sellerId: other.sellerId, actor: admin, input: demoPortalInput(other, { buyersMayAddAddresses: true }) });
    const [row] = await db.select().from(s.portalSettings).where(eq(s.portalSettings.sellerId, other.sellerId));
    expect(row!.buyersMayAddAddresses).toBe(true);
    const [entry] = await db
      .select({ details: s.auditEntries.details })
      .from(s.auditEntries)
      .where(and(eq(s.auditEntries.sellerId, other.sellerId), eq(s.auditEntries.action, 'portal_settings.update')));
    expect(entry!.details).toMatchObject({ before: { buyersMayAddAddresses: false }, after: { buyersMayAddAddresses: true } });
  });

  it('a buyer may add an address only while the seller allows it', async () => {
    const { db } = database;
    const buyer = await addBuyer(db, seller);
    const scope = { sellerId: seller.sellerId, organizationId: buyer.organization.id };
    const values = shipToAddressForm.parse({ label: 'Pop-up store', line1: '7 Fair Ground', city: 'Springfield', country: 'US' });
    const asBuyer = { ...scope, actor: { label: buyer.account.name }, values };

    await setPortalSettings(db, seller, { buyersMayAddAddresses: false });
    await expect(addBuyerShipToAddress(db, asBuyer)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listShipToAddresses(db, scope)).toEqual([]);

    await setPortalSettings(db, seller, { buyersMayAddAddresses: true });
    try {
      const added = await addBuyerShipToAddress(db, asBuyer);
      // The organization's first address: its default.
      expect(added).toMatchObject({ label: 'Pop-up store', isDefault: true });
      const second = await addBuyerShipToAddress(db, { ...asBuyer, values: { ...values, label: 'Second' } });
      expect(second.isDefault).toBe(false);
      const [entry] = await db
        .select({ actorLabel: s.auditEntries.actorLabel })
        .from(s.auditEntries)
        .where(and(eq(s.auditEntries.action, 'ship_to_address.add'), eq(s.auditEntries.entityId, buyer.organization.id)));
      expect(entry!.actorLabel).toBe(buyer.account.name);
    } finally {
      await setPortalSettings(db, seller, { buyersMayAddAddresses: false });
    }
  });

  it('staff orders take the default ship-to; the invoice, its page and its PDF carry the order’s ship-to', async () => {
    const { db } = database;
    const { buyer } = await buyerWithCart();
    await add(buyer.organization.id, address('Main warehouse', '1 Dock Road', { attention: 'Receiving' }));
    const dock = await add(buyer.organization.id, address('Dock 4', '44 Harbour Way', { postalCode: '99001' }));

    const staffOrder = await createStaffOrder(db, {
      sellerId: seller.sellerId,
      actor,
      organizationId: buyer.organization.id,
      statusId: seller.orderStatus('Confirmed').id,
      channelId: seller.channel('Phone').id,
      paymentMethodId: null,
      lines: [{ productId: (await addProduct(db, seller, { listPrice: 5_000 })).id, quantity: 1 }],
    });
    expect(await shipToOfOrder(staffOrder.id)).toMatchObject({ label: 'Main warehouse', attention: 'Receiving' });

    await setPortalSettings(db, seller, { autoInvoice: true });
    try {
      const placed = await checkout(buyer, { shipToAddressId: dock.data.addressId });
      const [invoice] = await db.select().from(s.invoices).where(eq(s.invoices.id, placed.invoiceId!));
      const ref = { orderNumber: placed.number, invoiceNumber: invoice!.number };
      // Later edits of the address do not reach the invoice.
      await updateShipToAddress(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, actor, addressId: dock.data.addressId, values: address('Dock 5', '55 Elsewhere') });

      const customerDoc = await findCustomerInvoice(db, { ...buyer.scope, ...ref });
      const staffDoc = await findSellerInvoiceDocument(db, { sellerId: seller.sellerId, ...ref });
      const expected = { label: 'Dock 4', line1: '44 Harbour Way', city: 'Springfield', postalCode: '99001', country: 'US' };
      expect(customerDoc!.shipTo).toEqual(expected);
      expect(staffDoc!.shipTo).toEqual(expected);

      const { pages } = await pdfText(await renderInvoicePdf(customerDoc!));
      expect(pages[0]).toContain('Ship to');
      expect(pages[0]).toContain('Dock 4');
      expect(pages[0]).toContain('44 Harbour Way');
      expect(pages[0]).not.toContain('55 Elsewhere');
    } finally {
      await setPortalSettings(db, seller, { autoInvoice: false });
    }
  });
});
