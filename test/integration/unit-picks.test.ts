import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { addToCart, cartSummary } from '@/db/queries/cart';
import { placeOrder } from '@/db/queries/checkout';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { availableUnits, heldUnitsOfOrder, pickUnits, pickedUnits } from '@/db/queries/portal/units/pick-units';
import type { StaffActor } from '@/db/queries/audit';
import { checkoutSchema } from '@/lib/validation/checkout';
import sharp from 'sharp';
import { addPhoto } from '@/db/queries/photos/add-photo';
import { findServedPhoto } from '@/db/queries/photos/served-photo';
import { addStaff } from '../support/inventory-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, checkoutKey, setPortalSettings } from '../support/portal-fixtures';
import { addStaffActor } from '../support/settings-fixtures';

type Buyer = Awaited<ReturnType<typeof addBuyer>>;

describe('buying specific units: picks, holds at checkout, release on cancel, commit of exactly those units', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let rival: SellerFixture;
  let actor: StaffActor;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    rival = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller, 'staff');
  });
  afterAll(() => database.close());

  const checkout = (buyer: Buyer, idempotencyKey = checkoutKey()) =>
    placeOrder(database.db, { ...buyer.scope, ...checkoutSchema.parse({ paymentMethodId: seller.paymentMethod('Net 30').id, idempotencyKey }) });
  const pick = (buyer: Buyer, deviceIds: number[]) => database.db.transaction((tx) => pickUnits(tx, { ...buyer.scope, deviceIds }));
  const holdCount = async () => Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from unit_holds where seller_id = ${seller.sellerId}`))[0]!.n);
  const orderCount = async () => Number((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from sales_orders where seller_id = ${seller.sellerId}`))[0]!.n);

  it('is off by default: nothing is listed and a pick is refused', async () => {
    const product = await addProduct(database.db, seller);
    const [device] = await addDevices(database.db, seller, product.id, 1);
    const buyer = await addBuyer(database.db, seller);
    expect(await availableUnits(database.db, { ...buyer.scope, productId: product.id, page: 1 })).toEqual({ units: [], total: 0, enabled: false });
    await expect(pick(buyer, [device!.id])).rejects.toMatchObject({ code: 'forbidden' });
    expect(await pickedUnits(database.db, buyer.scope)).toEqual([]);
  });

  it('two buyers pick one unit: one checkout wins, the other is refused by the IMEI tail with nothing written; a retry doubles nothing; cancelling releases it', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { buyersMayPickUnits: true });
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 3);
    const [unit, second] = devices;
    const first = await addBuyer(db, seller);
    const other = await addBuyer(db, seller);
    const listed = await availableUnits(db, { ...first.scope, productId: product.id, page: 1 });
    expect(listed.total).toBe(3);
    expect(listed.units[0]!.identifierTail).toMatch(/^•••• \d{4}$/);
    expect(JSON.stringify(listed)).not.toContain(unit!.imei!);
    await pick(first, [unit!.id, second!.id]);
    await pick(other, [unit!.id]);
    expect((await availableUnits(db, { ...first.scope, productId: product.id, page: 1 })).units.filter((u) => u.picked)).toHaveLength(2);

    // Both check out at once: the hold's key lets exactly one through.
    const ordersBefore = await orderCount();
    const firstKey = checkoutKey();
    const results = await Promise.allSettled([checkout(first, firstKey), checkout(other)]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(String((lost.reason as Error).message)).toContain(`•••• ${unit!.imei!.slice(-4)}`);
    expect(await orderCount()).toBe(ordersBefore + 1);
    const winner = results[0]!.status === 'fulfilled' ? first : other;
    const loser = winner === first ? other : first;
    const order = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof checkout>>>).value;
    // The loser's cart is untouched; the winner's picked units are held for its order's picked line.
    expect((await pickedUnits(db, loser.scope)).map((u) => u.deviceId)).toContain(unit!.id);
    expect(await pickedUnits(db, winner.scope)).toEqual([]);
    const held = await heldUnitsOfOrder(db, { sellerId: seller.sellerId, orderId: order.orderId });
    expect(held.map((h) => h.deviceId).sort()).toEqual((winner === first ? [unit!.id, second!.id] : [unit!.id]).sort());
    const [line] = await db.select().from(s.salesOrderLines).where(eq(s.salesOrderLines.orderId, order.orderId));
    expect(line!.quantity).toBe(held.length);
    // A held unit is no longer offered to anyone.
    expect((await availableUnits(db, { ...loser.scope, productId: product.id, page: 1 })).units.map((u) => u.id)).not.toContain(unit!.id);
    // The same checkout again (a retry) answers the same order and holds nothing twice.
    if (winner === first) {
      const again = await checkout(first, firstKey);
      expect(again).toMatchObject({ orderId: order.orderId, alreadyPlaced: true });
    }
    const holds = await holdCount();
    expect(holds).toBe(held.length);
    // The loser's second try is refused the same way, before anything is written.
    await expect(checkout(loser)).rejects.toThrow(`•••• ${unit!.imei!.slice(-4)}`);
    expect(await orderCount()).toBe(ordersBefore + 1);

    // Cancelling the winner's order releases the holds: the loser can now check the unit out.
    await db.update(s.salesOrders).set({ statusId: seller.orderStatus('Cancelled').id }).where(eq(s.salesOrders.id, order.orderId));
    expect(await holdCount()).toBe(0);
    const placed = await checkout(loser);
    expect((await heldUnitsOfOrder(db, { sellerId: seller.sellerId, orderId: placed.orderId })).map((h) => h.deviceId)).toContain(unit!.id);
  });

  it("the header's cart count counts picked units: one line per product not already a cart line", async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { buyersMayPickUnits: true });
    const picked = await addProduct(db, seller);
    const both = await addProduct(db, seller);
    const units = await addDevices(db, seller, picked.id, 3);
    const [bothUnit] = await addDevices(db, seller, both.id, 3);
    const buyer = await addBuyer(db, seller);
    expect(await cartSummary(db, buyer.scope)).toEqual({ lines: 0, units: 0 });
    await pick(buyer, [units[0]!.id, units[1]!.id]);
    expect(await cartSummary(db, buyer.scope)).toEqual({ lines: 1, units: 2 });
    await db.transaction((tx) => addToCart(tx, { ...buyer.scope, productId: both.id, quantity: 2 }));
    await pick(buyer, [bothUnit!.id]);
    expect(await cartSummary(db, buyer.scope)).toEqual({ lines: 2, units: 5 });
    const other = await addBuyer(db, seller);
    expect(await cartSummary(db, other.scope)).toEqual({ lines: 0, units: 0 });
  });

  it("refuses another seller's device id, a committed or unsellable unit, and writes nothing", async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const [mine] = await addDevices(db, seller, product.id, 1);
    const [repair] = await addDevices(db, seller, product.id, 1, { status: 'In Repair' });
    const theirs = await addProduct(db, rival);
    const [foreign] = await addDevices(db, rival, theirs.id, 1);
    await setPortalSettings(db, rival, { buyersMayPickUnits: true });
    const buyer = await addBuyer(db, seller);
    await expect(pick(buyer, [mine!.id, foreign!.id])).rejects.toMatchObject({ code: 'not_found' });
    await expect(pick(buyer, [repair!.id])).rejects.toThrow(`•••• ${repair!.imei!.slice(-4)}`);
    expect(await pickedUnits(db, buyer.scope)).toEqual([]);
    // A rival buyer cannot pick this seller's unit through its own portal either.
    const rivalBuyer = await addBuyer(db, rival);
    await expect(pick(rivalBuyer, [mine!.id])).rejects.toMatchObject({ code: 'not_found' });
    expect(await queryRows(db, sql`select 1 from cart_units where device_id in (${mine!.id}, ${foreign!.id}, ${repair!.id})`)).toEqual([]);
  });

  it('staff commit exactly the picked units to a picked line; another device is refused; product-level lines keep the no-reservation rule', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 4);
    const buyer = await addBuyer(db, seller);
    await pick(buyer, [devices[0]!.id, devices[1]!.id]);
    const order = await checkout(buyer);
    // Held units still count in availability (product-level lines reserve nothing, and holds do not change For Sale's aggregates).
    expect(await availableQuantity(db, product.id)).toBe(4);
    await db.update(s.salesOrders).set({ statusId: seller.orderStatus('Confirmed').id }).where(eq(s.salesOrders.id, order.orderId));
    const commit = (imeis: string[]) => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: imeis.join('\n'), actor });
    const refusedBy = (p: Promise<unknown>) =>
      p.then(
        () => ({ problems: [{ reason: 'committed, not refused' }] }),
        (e: unknown) => e as { problems: { reason: string }[] },
      );
    const refused = await refusedBy(commit([devices[2]!.imei!]));
    expect(refused.problems[0]!.reason).toMatch(/takes only the units the buyer picked/);
    // A held unit cannot go to another order either.
    const otherBuyer = await addBuyer(db, seller);
    await db.insert(s.cartLines).values({ sellerId: seller.sellerId, portalAccountId: otherBuyer.account.id, productId: product.id, quantity: 1 });
    const otherOrder = await checkout(otherBuyer);
    await db.update(s.salesOrders).set({ statusId: seller.orderStatus('Confirmed').id }).where(eq(s.salesOrders.id, otherOrder.orderId));
    const elsewhere = await refusedBy(commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: otherOrder.number, text: devices[0]!.imei!, actor }));
    expect(elsewhere.problems[0]!.reason).toContain(`held for order ${order.number}`);
    // The picked units commit through the normal path.
    expect(await commit([devices[0]!.imei!, devices[1]!.imei!])).toMatchObject({ committed: 2 });
    const held = await heldUnitsOfOrder(db, { sellerId: seller.sellerId, orderId: order.orderId });
    expect(held.every((h) => h.committed)).toBe(true);
    // Shipping (a closed status) releases the holds; the committed units stay committed.
    await db.update(s.salesOrders).set({ statusId: seller.orderStatus('Shipped').id }).where(eq(s.salesOrders.id, order.orderId));
    expect(await queryRows(db, sql`select 1 from unit_holds where order_id = ${order.orderId}`)).toEqual([]);
    const committed = await db.select().from(s.devices).where(and(eq(s.devices.sellerId, seller.sellerId), eq(s.devices.productId, product.id)));
    expect(committed.filter((d) => d.orderLineId !== null)).toHaveLength(2);
  });

  it("serves a unit's own photo to buyers only while picking is on and the unit can be picked", async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const [device] = await addDevices(db, seller, product.id, 1);
    const bytes = new Uint8Array(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3b82f6' } }).jpeg().toBuffer());
    const staffActor = await addStaff(db, seller);
    const photo = await addPhoto(db, { sellerId: seller.sellerId, actor: staffActor, subject: { kind: 'device', deviceId: device!.id }, bytes, alt: 'Back', storage: { kind: 'database' } });
    const served = () => findServedPhoto(db, { sellerId: seller.sellerId, sha256: photo.sha256, size: 96, audience: 'portal' });
    await setPortalSettings(db, seller, { buyersMayPickUnits: false });
    expect(await served()).toBeNull();
    await setPortalSettings(db, seller, { buyersMayPickUnits: true });
    expect(await served()).not.toBeNull();
    expect(await findServedPhoto(db, { sellerId: rival.sellerId, sha256: photo.sha256, size: 96, audience: 'portal' })).toBeNull();
    // Once held by an order, the unit is no longer offered, and neither is its photo.
    const buyer = await addBuyer(db, seller);
    await pick(buyer, [device!.id]);
    await checkout(buyer);
    expect(await served()).toBeNull();
  });
});
