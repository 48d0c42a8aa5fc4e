import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, availableQuantity, buildSeller, countedAvailableQuantity, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, commitToNewOrder, outcomeOf } from '../support/inventory-fixtures';

describe('bulk moves of devices', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: { staffUserId: number; name: string };

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
  });
  afterAll(() => database.close());

  async function placesOf(ids: number[]) {
    const rows = await database.db.select().from(s.devices).where(inArray(s.devices.id, ids)).orderBy(s.devices.id);
    return rows.map((r) => [r.statusId, r.warehouseId]);
  }

  it('moves selected devices to another status; availability follows; an audit entry counts them', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 5, { status: 'Received' });
    expect(await availableQuantity(db, product.id)).toBe(0);
    const ids = devices.slice(0, 3).map((d) => d.id);
    const outcome = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: ids }, statusId: seller.status('Available').id }));
    expect(outcome).toEqual({ ok: true, moved: 3, committed: 0 });
    expect(await availableQuantity(db, product.id)).toBe(3);
    expect(await countedAvailableQuantity(db, product.id)).toBe(3);
    // Warehouses were left alone.
    expect(await placesOf(ids)).toEqual(ids.map(() => [seller.status('Available').id, seller.warehouse('MAIN').id]));
    const audit = await auditOf(db, seller.sellerId, 'devices.move');
    expect(audit.at(-1)!.details).toEqual({ count: 3, committed: 0, selection: 'selected', status: 'Available' });
  });

  it('moves to another warehouse, or both at once, and lowers availability when leaving For Sale places', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 4);
    expect(await availableQuantity(db, product.id)).toBe(4);
    const ids = devices.map((d) => d.id);
    await moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: ids.slice(0, 2) }, warehouseId: seller.warehouse('RC').id });
    expect(await availableQuantity(db, product.id)).toBe(2);
    await moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: ids.slice(0, 2) }, warehouseId: seller.warehouse('OVF').id, statusId: seller.status('Listed').id });
    expect(await availableQuantity(db, product.id)).toBe(4);
    expect(await placesOf(ids.slice(0, 2))).toEqual([
      [seller.status('Listed').id, seller.warehouse('OVF').id],
      [seller.status('Listed').id, seller.warehouse('OVF').id],
    ]);
  });

  it('moves committed devices too, and counts them in the audit; they stay out of availability', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 3, { status: 'Received' });
    await commitToNewOrder(db, seller, product.id, [devices[0]!.id], 9001);
    const outcome = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: devices.map((d) => d.id) }, statusId: seller.status('Available').id }));
    expect(outcome).toEqual({ ok: true, moved: 3, committed: 1 });
    expect(await availableQuantity(db, product.id)).toBe(2);
    expect(await countedAvailableQuantity(db, product.id)).toBe(2);
  });

  it('moves everything matching a filter in one go', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { model: 'Move Filter Phone' });
    await addDevices(db, seller, product.id, 6, { status: 'In Repair', warehouse: 'RC' });
    const elsewhere = await addDevices(db, seller, product.id, 2, { status: 'In Repair', warehouse: 'OVF' });
    const outcome = await outcomeOf(moveDevices(db, {
      sellerId: seller.sellerId,
      actor,
      selection: { filters: { model: 'Move Filter Phone', warehouseId: seller.warehouse('RC').id } },
      statusId: seller.status('Available').id,
      warehouseId: seller.warehouse('MAIN').id,
    }));
    expect(outcome).toEqual({ ok: true, moved: 6, committed: 0 });
    expect(await availableQuantity(db, product.id)).toBe(6);
    expect(await placesOf(elsewhere.map((d) => d.id))).toEqual(elsewhere.map(() => [seller.status('In Repair').id, seller.warehouse('OVF').id]));
    const audit = await auditOf(db, seller.sellerId, 'devices.move');
    expect(audit.at(-1)!.details).toMatchObject({ count: 6, selection: 'filter', status: 'Available', warehouse: 'MAIN' });
  });

  it('moves what an IMEI search and the other filters match, and nothing else', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 3, { status: 'Received' });
    const target = devices[1]!;
    const outcome = await outcomeOf(moveDevices(db, {
      sellerId: seller.sellerId,
      actor,
      selection: { filters: { q: target.imei!.slice(-8), productId: product.id } },
      statusId: seller.status('Available').id,
    }));
    expect(outcome).toEqual({ ok: true, moved: 1, committed: 0 });
    expect(await placesOf(devices.map((d) => d.id))).toEqual([
      [seller.status('Received').id, seller.warehouse('MAIN').id],
      [seller.status('Available').id, seller.warehouse('MAIN').id],
      [seller.status('Received').id, seller.warehouse('MAIN').id],
    ]);
    expect(await availableQuantity(db, product.id)).toBe(1);
  });

  it("refuses a selection holding another seller's device and moves nothing", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirProduct = await addProduct(db, other);
    const [theirs] = await addDevices(db, other, theirProduct.id, 1, { status: 'Received' });
    const product = await addProduct(db, seller);
    const mine = await addDevices(db, seller, product.id, 2, { status: 'Received' });
    const auditBefore = (await auditOf(db, seller.sellerId, 'devices.move')).length;
    const outcome = await outcomeOf(moveDevices(db, {
      sellerId: seller.sellerId,
      actor,
      selection: { deviceIds: [...mine.map((d) => d.id), theirs!.id] },
      statusId: seller.status('Available').id,
    }));
    expect(outcome).toMatchObject({ ok: false, message: '1 of the selected devices are not in your inventory. Nothing was moved.' });
    expect(await placesOf(mine.map((d) => d.id))).toEqual(mine.map(() => [seller.status('Received').id, seller.warehouse('MAIN').id]));
    expect(await placesOf([theirs!.id])).toEqual([[other.status('Received').id, other.warehouse('MAIN').id]]);
    expect(await availableQuantity(db, product.id)).toBe(0);
    expect((await auditOf(db, seller.sellerId, 'devices.move')).length).toBe(auditBefore);
  });

  it("refuses another seller's status or warehouse as the target, and a move with no target", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const product = await addProduct(db, seller);
    const mine = await addDevices(db, seller, product.id, 1, { status: 'Received' });
    const selection = { deviceIds: mine.map((d) => d.id) };
    expect(await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection, statusId: other.status('Available').id }))).toMatchObject({ ok: false, fieldErrors: { statusId: expect.any(Array) } });
    expect(await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection, warehouseId: other.warehouse('RC').id }))).toMatchObject({ ok: false, fieldErrors: { warehouseId: expect.any(Array) } });
    expect(await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection }))).toMatchObject({ ok: false });
    expect(await placesOf(selection.deviceIds)).toEqual([[seller.status('Received').id, seller.warehouse('MAIN').id]]);
  });

  it('refuses a filter that matches nothing', async () => {
    const outcome = await outcomeOf(moveDevices(database.db, { sellerId: seller.sellerId, actor, selection: { filters: { model: 'No Such Model' } }, statusId: seller.status('Available').id }));
    expect(outcome).toMatchObject({ ok: false, message: 'No devices match the filter; nothing was moved.' });
  });
});
