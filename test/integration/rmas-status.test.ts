import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import * as s from '@/db/schema';
import { changeRmaStatus } from '@/db/queries/rmas/change-rma-status';
import { createRma } from '@/db/queries/rmas/create-rma';
import { findRmaByNumber } from '@/db/queries/rmas/rma-detail';
import { listRmas } from '@/db/queries/rmas/list-rmas';
import type { StaffActor } from '@/db/queries/audit';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor, auditOf } from '../support/orders-fixtures';
import { addRmaDirectly, soldDevicesScene } from '../support/rmas-fixtures';

/** RMA status steps, receiving devices back, lists and seller scoping. */
describe('RMA status changes', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  /** An open RMA: one device returned, one kept with a partial refund. */
  async function openRma() {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const rma = await createRma(db, {
      sellerId: seller.sellerId,
      organizationId: scene.buyer.id,
      actor,
      lines: [
        { imei: scene.bought[0]!.imei!, reason: 'No power', disposition: 'return', refund: '100' },
        { imei: scene.bought[1]!.imei!, reason: 'Scratched', disposition: 'keep_partial_refund', refund: '10' },
      ],
    });
    return { scene, rma };
  }

  async function statusOf(number: number) {
    return (await findRmaByNumber(database.db, { sellerId: seller.sellerId, number }))!.rma;
  }

  const step = (number: number, to: s.RmaStatus, extra: Partial<Parameters<typeof changeRmaStatus>[1]> = {}) =>
    changeRmaStatus(database.db, { sellerId: seller.sellerId, rmaNumber: number, to, actor, ...extra });

  it('goes Open -> Received -> Resolved (credit), recording each step', async () => {
    const { db } = database;
    const { rma } = await openRma();
    await step(rma.number, 'received');
    expect((await statusOf(rma.number)).status).toBe('received');
    await step(rma.number, 'resolved', { resolution: 'credit' });
    expect(await statusOf(rma.number)).toMatchObject({ status: 'resolved', resolution: 'credit' });
    const audit = await auditOf(db, seller.sellerId, 'rma', rma.id);
    expect(audit.filter((a) => a.action === 'rma.status').map((a) => [a.details.from, a.details.to])).toEqual([
      ['open', 'received'],
      ['received', 'resolved'],
    ]);
  });

  it('refuses steps out of order, and any step from a closed RMA', async () => {
    const { rma } = await openRma();
    await expect(step(rma.number, 'resolved', { resolution: 'refund' })).rejects.toThrow(
      'RMA ' + rma.number + ' is Open; it cannot become Resolved. Next it can become Received or Rejected.',
    );
    await expect(step(rma.number, 'requested')).rejects.toThrow(/cannot become Requested/);
    await expect(step(rma.number, 'open')).rejects.toThrow(/cannot become Open/);
    expect((await statusOf(rma.number)).status).toBe('open');
    await step(rma.number, 'rejected', { reason: 'Not covered' });
    await expect(step(rma.number, 'open')).rejects.toThrow(/It is closed/);
    expect((await statusOf(rma.number)).status).toBe('rejected');
  });

  it('takes a customer request from Requested to Open, and refuses Requested -> Received', async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const account = await addPortalAccount(db, seller, scene.buyer.id, { name: 'Rita Requester' });
    const rma = await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[0]!.id], { requestedByAccountId: account.id });
    expect(await statusOf(rma.number)).toMatchObject({ status: 'requested', requestedByCustomer: true, requestedByName: 'Rita Requester' });
    await expect(step(rma.number, 'received')).rejects.toThrow(/cannot become Received/);
    await step(rma.number, 'open');
    expect((await statusOf(rma.number)).status).toBe('open');
  });

  it('needs refund or credit to resolve', async () => {
    const { rma } = await openRma();
    await step(rma.number, 'received');
    await expect(step(rma.number, 'resolved')).rejects.toThrow(/refund or credit/);
    expect((await statusOf(rma.number)).status).toBe('received');
    await step(rma.number, 'resolved', { resolution: 'refund' });
    expect(await statusOf(rma.number)).toMatchObject({ status: 'resolved', resolution: 'refund' });
  });

  it('moves returned devices (not kept ones) to the chosen status and warehouse when received', async () => {
    const { db } = database;
    const { scene, rma } = await openRma();
    const result = await step(rma.number, 'received', {
      move: { statusId: seller.status('Returned').id, warehouseId: seller.warehouse('RC').id },
    });
    expect(result.moved).toBe(1);
    const rows = await db.select().from(s.devices).where(inArray(s.devices.id, [scene.bought[0]!.id, scene.bought[1]!.id]));
    const returned = rows.find((d) => d.id === scene.bought[0]!.id)!;
    const kept = rows.find((d) => d.id === scene.bought[1]!.id)!;
    expect([returned.statusId, returned.warehouseId]).toEqual([seller.status('Returned').id, seller.warehouse('RC').id]);
    expect([kept.statusId, kept.warehouseId]).toEqual([seller.status('Available').id, seller.warehouse('MAIN').id]);
    const detail = await findRmaByNumber(db, { sellerId: seller.sellerId, number: rma.number });
    expect(detail!.lines[0]).toMatchObject({ statusName: 'Returned', warehouseCode: 'RC' });
  });

  it("refuses another seller's status or warehouse for received devices, changing nothing", async () => {
    const { db } = database;
    const { scene, rma } = await openRma();
    const other = await buildSeller(db);
    await expect(step(rma.number, 'received', { move: { statusId: other.status('Returned').id } })).rejects.toThrow(/inventory statuses/);
    await expect(step(rma.number, 'received', { move: { warehouseId: other.warehouse('RC').id } })).rejects.toThrow(/warehouses/);
    expect((await statusOf(rma.number)).status).toBe('open');
    const [device] = await db.select().from(s.devices).where(eq(s.devices.id, scene.bought[0]!.id));
    expect(device!.statusId).toBe(seller.status('Available').id);
  });

  it("lists RMAs by status and organization, marks customer requests, and answers another seller's number as not found", async () => {
    const { db } = database;
    const { scene, rma } = await openRma();
    const account = await addPortalAccount(db, seller, scene.buyer.id);
    const requested = await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[2]!.id], { requestedByAccountId: account.id });
    const list = await listRmas(db, { sellerId: seller.sellerId, organizationId: scene.buyer.id, page: 1, pageSize: 10 });
    expect(list.rows.map((r) => [r.number, r.status, r.devices, r.refundTotal, r.requestedByCustomer])).toEqual([
      [requested.number, 'requested', 1, 0, true],
      [rma.number, 'open', 2, 11000, false],
    ]);
    const onlyRequested = await listRmas(db, { sellerId: seller.sellerId, status: 'requested', organizationId: scene.buyer.id, page: 1, pageSize: 10 });
    expect(onlyRequested.rows.map((r) => r.number)).toEqual([requested.number]);
    const exactlyOpen = await listRmas(db, { sellerId: seller.sellerId, status: 'open', organizationId: scene.buyer.id, page: 1, pageSize: 10 });
    expect(exactlyOpen.rows.map((r) => r.number)).toEqual([rma.number]);
    const anyOpen = await listRmas(db, { sellerId: seller.sellerId, status: 'any_open', organizationId: scene.buyer.id, page: 1, pageSize: 10 });
    expect(anyOpen.total).toBe(2);

    const other = await buildSeller(db);
    const otherActor = await addStaffActor(db, other);
    expect(await findRmaByNumber(db, { sellerId: other.sellerId, number: rma.number })).toBeNull();
    expect((await listRmas(db, { sellerId: other.sellerId, page: 1, pageSize: 10 })).total).toBe(0);
    await expect(
      changeRmaStatus(db, { sellerId: other.sellerId, rmaNumber: rma.number, to: 'rejected', actor: otherActor }),
    ).rejects.toThrow(/was not found/);
    expect((await statusOf(rma.number)).status).toBe('open');
  });
});
