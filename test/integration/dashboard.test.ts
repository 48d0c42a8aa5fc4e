import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { dashboardSummary } from '@/db/queries/dashboard';
import { changeOrderStatus } from '@/db/queries/orders/change-order-status';
import { changeStaffRole } from '@/db/queries/staff-users';
import { organizationHistory, recordAudit } from '@/db/queries/audit';
import { auditSentence, describeAudit } from '@/components/back-office/describe-audit';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addPortalAccount, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor } from '../support/orders-fixtures';
import { addRmaDirectly, soldDevicesScene } from '../support/rmas-fixtures';

describe('dashboard', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
  });
  afterAll(() => database.close());

  it('counts portal orders awaiting review, devices for sale, open RMAs and shows recent activity, for this seller only', async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const org = await addOrganization(db, seller, 'Portal Buyer');
    const product = await addProduct(db, seller);
    await addDevices(db, seller, product.id, 6);
    await addDevices(db, seller, product.id, 2, { status: 'In Repair' });
    const portal = { status: 'Awaiting Confirmation', channel: 'B2B Portal' };
    const first = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], portal);
    const second = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], portal);
    // Not awaiting review: a phone order in the same status, and a portal order already confirmed.
    await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], { status: 'Awaiting Confirmation', channel: 'Phone' });
    const confirmed = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }], portal);
    await changeOrderStatus(db, { sellerId: seller.sellerId, orderNumber: confirmed.order.number, statusId: seller.orderStatus('Confirmed').id, actor });

    const scene = await soldDevicesScene(db, seller);
    const requested = await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[0]!.id]);
    await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[1]!.id], { status: 'resolved', resolution: 'refund' });

    // Another seller's rows must not count.
    const other = await buildSeller(db);
    const otherProduct = await addProduct(db, other);
    await addDevices(db, other, otherProduct.id, 9);
    await addOrder(db, other, (await addOrganization(db, other)).id, [{ productId: otherProduct.id, quantity: 1 }], portal);

    const summary = await dashboardSummary(db, { sellerId: seller.sellerId });
    expect(summary.portalOrdersAwaiting.count).toBe(2);
    expect(summary.portalOrdersAwaiting.latest.map((o) => o.number).sort()).toEqual([first.order.number, second.order.number].sort());
    // 6 available of the product (In Repair does not count), plus what the RMA scene left uncommitted.
    const [forSale] = await db
      .select({ n: s.productAvailability.quantity })
      .from(s.productAvailability)
      .where(eq(s.productAvailability.productId, scene.product.id));
    expect(summary.devicesForSale).toBe(6 + forSale!.n);
    expect(summary.openRmas.count).toBe(1);
    expect(summary.openRmas.latest.map((r) => r.number)).toEqual([requested.number]);
    expect(summary.recentActivity.map((a) => [a.action, a.actorLabel])).toEqual([['order.status', actor.name]]);

    const otherSummary = await dashboardSummary(db, { sellerId: other.sellerId });
    expect(otherSummary.devicesForSale).toBe(9);
    expect(otherSummary.portalOrdersAwaiting.count).toBe(1);
    expect(otherSummary.openRmas.count).toBe(0);
    expect(otherSummary.recentActivity).toEqual([]);
  });

  it('names who and what each entry is about, read in the same statement and only from this seller', async () => {
    const { db } = database;
    const scene = await buildSeller(db);
    const olivia = await addStaffActor(db, scene, 'owner');
    const sam = await addStaffActor(db, scene, 'staff');
    await db.update(s.staffUsers).set({ name: 'Olivia Owner' }).where(eq(s.staffUsers.id, olivia.staffUserId));
    await db.update(s.staffUsers).set({ name: 'Sam Staff' }).where(eq(s.staffUsers.id, sam.staffUserId));
    olivia.name = 'Olivia Owner';
    await changeStaffRole(db, { manager: { ...olivia, sellerId: scene.sellerId, role: 'owner' }, staffUserId: sam.staffUserId, role: 'owner' });
    const product = await addProduct(db, scene, { sku: 'APP-IPHONE12-64-BLK-A-ATT' });
    const foreign = await addProduct(db, await buildSeller(db), { sku: 'NOT-YOURS' });
    await db.transaction(async (tx) => {
      await recordAudit(tx, { sellerId: scene.sellerId, actor: olivia, action: 'product.price', entityType: 'product', entityId: product.id, details: { sku: 'APP-IPHONE12-64-BLK-A-ATT', from: 25_299, to: 24_950 } });
      // An entry pointing at another seller's product never reads that product.
      await recordAudit(tx, { sellerId: scene.sellerId, actor: olivia, action: 'product.price', entityType: 'product', entityId: foreign.id, details: { sku: 'OLD-SKU', from: 1, to: 2 } });
    });

    const { recentActivity } = await dashboardSummary(db, { sellerId: scene.sellerId });
    const sentences = recentActivity.map((a) => auditSentence(a, 'USD'));
    expect(sentences).toEqual([
      'Olivia Owner changed the price of OLD-SKU $0.01 → $0.02',
      'Olivia Owner changed the price of APP-IPHONE12-64-BLK-A-ATT $252.99 → $249.50',
      'Olivia Owner made Sam Staff an Owner (was Staff)',
    ]);
    expect(describeAudit(recentActivity[1]!, 'USD')).toContainEqual({ text: 'APP-IPHONE12-64-BLK-A-ATT', href: `/admin/products/${product.id}` });
    expect(describeAudit(recentActivity[2]!, 'USD')).toContainEqual({ text: 'Sam Staff', href: '/admin/settings/staff' });
  });

  it("reads an organization's history: itself, its portal accounts, orders and RMAs, and nobody else's", async () => {
    const { db } = database;
    const scene = await buildSeller(db);
    const actor = await addStaffActor(db, scene);
    const north = await addOrganization(db, scene, 'Northwind Traders');
    const south = await addOrganization(db, scene, 'South');
    const nora = await addPortalAccount(db, scene, north.id, { name: 'Nora Buyer' });
    const product = await addProduct(db, scene);
    const northOrder = await addOrder(db, scene, north.id, [{ productId: product.id, quantity: 1 }]);
    const southOrder = await addOrder(db, scene, south.id, [{ productId: product.id, quantity: 1 }]);
    const other = await buildSeller(db);
    await db.transaction(async (tx) => {
      const write = (sellerId: number, action: string, entityType: string, entityId: number, details: Record<string, unknown> = {}) =>
        recordAudit(tx, { sellerId, actor, action, entityType, entityId, details });
      await write(scene.sellerId, 'organization.update', 'organization', north.id, { phone: { from: null, to: '555-0100' } });
      await write(scene.sellerId, 'portal_account.invite', 'portal_account', nora.id, { organizationId: north.id, email: nora.email });
      await write(scene.sellerId, 'order.status', 'sales_order', northOrder.order.id, { number: northOrder.order.number, from: 'Confirmed', to: 'Shipped' });
      await write(scene.sellerId, 'order.status', 'sales_order', southOrder.order.id, { number: southOrder.order.number, from: 'Confirmed', to: 'Shipped' });
      await write(scene.sellerId, 'organization.update', 'organization', south.id);
      // Another seller's entry about the same ids is never read.
      await write(other.sellerId, 'organization.update', 'organization', north.id);
    });

    const history = await organizationHistory(db, { sellerId: scene.sellerId, organizationId: north.id });
    expect(history.map((h) => auditSentence(h, 'USD'))).toEqual([
      `${actor.name} changed order ${northOrder.order.number} from Confirmed to Shipped`,
      `${actor.name} invited Nora Buyer`,
      `${actor.name} edited organization Northwind Traders: phone — → 555-0100`,
    ]);
    expect(describeAudit(history[1]!, 'USD')).toContainEqual({ text: 'Nora Buyer', href: `/admin/organizations/${north.id}/portal` });
  });
});
