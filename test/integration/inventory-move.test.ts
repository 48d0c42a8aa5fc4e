import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { moveDevices } from '@/db/queries/inventory/move-devices';
import { previewDeviceMove } from '@/db/queries/inventory/preview-device-move';
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
    expect(outcome).toEqual({ ok: true, moved: 3, committed: 0, leftOut: 0 });
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

  it('leaves committed devices where they are unless included, and says how many were left out', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 3, { status: 'Received' });
    await commitToNewOrder(db, seller, product.id, [devices[0]!.id], 9001);
    const ids = devices.map((d) => d.id);
    const received = seller.status('Received').id;
    const available = seller.status('Available').id;
    const main = seller.warehouse('MAIN').id;

    const leftOut = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: ids }, statusId: available }));
    expect(leftOut).toEqual({ ok: true, moved: 2, committed: 0, leftOut: 1 });
    expect(await placesOf(ids)).toEqual([[received, main], [available, main], [available, main]]);
    expect((await auditOf(db, seller.sellerId, 'devices.move')).at(-1)!.details).toMatchObject({ count: 2, committed: 0, leftOut: 1 });
    expect(await availableQuantity(db, product.id)).toBe(2);

    // Included on purpose: the committed device moves too, and is counted; it stays out of availability.
    const included = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { deviceIds: ids }, statusId: seller.status('In Repair').id, includeCommitted: true }));
    expect(included).toEqual({ ok: true, moved: 3, committed: 1, leftOut: 0 });
    expect(await placesOf(ids)).toEqual(ids.map(() => [seller.status('In Repair').id, main]));
    expect(await countedAvailableQuantity(db, product.id)).toBe(0);
  });

  it('refuses a move whose every device is committed unless they are included, and moves nothing', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { model: 'All Committed Phone' });
    const devices = await addDevices(db, seller, product.id, 2, { status: 'Received' });
    await commitToNewOrder(db, seller, product.id, devices.map((d) => d.id), 9002);
    const auditBefore = (await auditOf(db, seller.sellerId, 'devices.move')).length;
    const outcome = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { filters: { model: 'All Committed Phone' } }, statusId: seller.status('Available').id }));
    expect(outcome).toMatchObject({ ok: false, message: 'Nothing was moved: the 2 devices that match are all committed to orders. Include the committed devices to move them.' });
    expect(await placesOf(devices.map((d) => d.id))).toEqual(devices.map(() => [seller.status('Received').id, seller.warehouse('MAIN').id]));
    expect((await auditOf(db, seller.sellerId, 'devices.move')).length).toBe(auditBefore);
  });

  it('previews a filter move with the exact count beyond the list cap, how many are committed, and where they are now', async () => {
    const { db } = database;
    const product = await addProduct(db, seller, { model: 'Preview Phone' });
    const many = await addDevices(db, seller, product.id, 1_005, { status: 'In Repair', warehouse: 'RC' });
    await addDevices(db, seller, product.id, 3, { status: 'Received', warehouse: 'RC' });
    await commitToNewOrder(db, seller, product.id, many.slice(0, 4).map((d) => d.id), 9003);
    const preview = await previewDeviceMove(db, { sellerId: seller.sellerId, selection: { filters: { model: 'Preview Phone' } } });
    expect(preview.matching).toBe(1_008);
    expect(preview.committed).toBe(4);
    expect(preview.statusIds.sort()).toEqual([seller.status('In Repair').id, seller.status('Received').id].sort());
    expect(preview.warehouseIds).toEqual([seller.warehouse('RC').id]);
    // The move then touches exactly the uncommitted ones.
    const outcome = await outcomeOf(moveDevices(db, { sellerId: seller.sellerId, actor, selection: { filters: { model: 'Preview Phone' } }, warehouseId: seller.warehouse('MAIN').id }));
    expect(outcome).toEqual({ ok: true, moved: 1_004, committed: 0, leftOut: 4 });
    const after = await previewDeviceMove(db, { sellerId: seller.sellerId, selection: { filters: { model: 'Preview Phone', warehouseId: seller.warehouse('RC').id } } });
    expect(after).toMatchObject({ matching: 4, committed: 4 });
  });

  it('previews ticked devices, and refuses a preview holding another seller\'s device', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const devices = await addDevices(db, seller, product.id, 3, { status: 'Received' });
    await commitToNewOrder(db, seller, product.id, [devices[2]!.id], 9004);
    const preview = await previewDeviceMove(db, { sellerId: seller.sellerId, selection: { deviceIds: devices.map((d) => d.id) } });
    expect(preview).toEqual({ matching: 3, committed: 1, statusIds: [seller.status('Received').id], warehouseIds: [seller.warehouse('MAIN').id] });
    const other = await buildSeller(db);
    const theirProduct = await addProduct(db, other);
    const [theirs] = await addDevices(db, other, theirProduct.id, 1);
    expect(await outcomeOf(previewDeviceMove(db, { sellerId: seller.sellerId, selection: { deviceIds: [devices[0]!.id, theirs!.id] } }))).toMatchObject({
      ok: false,
      message: '1 of the selected devices are not in your inventory.',
    });
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
    expect(outcome).toEqual({ ok: true, moved: 6, committed: 0, leftOut: 0 });
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
    expect(outcome).toEqual({ ok: true, moved: 1, committed: 0, leftOut: 0 });
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
