import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '@/db/rows';
import * as s from '@/db/schema';
import { createRma, type RmaLineInput } from '@/db/queries/rmas/create-rma';
import { checkRmaDevices } from '@/db/queries/rmas/check-rma-devices';
import { findRmaByNumber } from '@/db/queries/rmas/rma-detail';
import { Refusal } from '@/lib/refusal';
import type { StaffActor } from '@/db/queries/audit';
import { splitPastedIdentifiers } from '@/lib/imei';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addPortalAccount, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaffActor, auditOf, unknownImei, withBadCheckDigit } from '../support/orders-fixtures';
import { addRmaDirectly, soldDevicesScene } from '../support/rmas-fixtures';

/** Creating an RMA by pasting IMEIs: only devices sold to that organization, each line checked, all or nothing. */
describe('creating RMAs', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  const line = (imei: string, values: Partial<RmaLineInput> = {}): RmaLineInput => ({
    imei,
    reason: 'Screen cracked',
    disposition: 'return',
    refund: '',
    ...values,
  });

  async function rmaCount() {
    return (await database.db.select().from(s.rmas).where(eq(s.rmas.sellerId, seller.sellerId))).length;
  }

  async function refused(organizationId: number, lines: RmaLineInput[]): Promise<Refusal> {
    const before = await rmaCount();
    const error = await createRma(database.db, { sellerId: seller.sellerId, organizationId, lines, actor }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Refusal);
    expect(await rmaCount()).toBe(before);
    return error as Refusal;
  }

  it('creates an open RMA for devices sold to the organization, with reasons, dispositions and refunds', async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const rma = await createRma(db, {
      sellerId: seller.sellerId,
      organizationId: scene.buyer.id,
      notes: 'Batch 7',
      actor,
      lines: [
        line(scene.bought[0]!.imei!, { reason: 'No power', refund: '100.00' }),
        line(scene.bought[1]!.imei!, { reason: 'Battery 78%', disposition: 'keep_partial_refund', refund: '25' }),
      ],
    });
    const detail = await findRmaByNumber(db, { sellerId: seller.sellerId, number: rma.number });
    expect(detail!.rma).toMatchObject({ status: 'open', organizationName: scene.buyer.name, notes: 'Batch 7', createdByName: actor.name, requestedByCustomer: false });
    expect(detail!.lines.map((l) => [l.imei, l.disposition, l.reason, l.refundAmount, l.orderNumber, l.unitPrice])).toEqual([
      [scene.bought[0]!.imei, 'return', 'No power', 10000, scene.soldOrder.number, 10000],
      [scene.bought[1]!.imei, 'keep_partial_refund', 'Battery 78%', 2500, scene.soldOrder.number, 10000],
    ]);
    expect(detail!.refundTotal).toBe(12500);
    expect((await auditOf(db, seller.sellerId, 'rma', detail!.rma.id)).map((a) => a.action)).toEqual(['rma.create']);
  });

  it('refuses a device sold to another organization, naming who bought it, and writes nothing', async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const error = await refused(scene.buyer.id, [line(scene.bought[0]!.imei!), line(scene.rivalDevice.imei!)]);
    expect(error.problems).toEqual([
      {
        value: scene.rivalDevice.imei,
        line: 2,
        reason: `sold to ${scene.rival.name} (order ${scene.rivalOrder.number}), not to ${scene.buyer.name}`,
      },
    ]);
    expect(await db.select().from(s.rmaLines).where(eq(s.rmaLines.deviceId, scene.bought[0]!.id))).toHaveLength(0);
  });

  it('refuses a device never sold, one on a cancelled order, an unknown IMEI and a bad check digit', async () => {
    const scene = await soldDevicesScene(database.db, seller);
    const unknown = unknownImei();
    const bad = withBadCheckDigit(scene.bought[2]!.imei!);
    const error = await refused(scene.buyer.id, [
      line(scene.neverSold.imei!),
      line(scene.cancelledDevice.imei!),
      line(unknown),
      line(bad),
      line(scene.bought[2]!.imei!),
    ]);
    expect(error.problems.map((p) => [p.line, p.value, p.reason])).toEqual([
      [1, scene.neverSold.imei, 'never sold: it is not committed to any order'],
      [2, scene.cancelledDevice.imei, `its order ${scene.cancelledOrder.number} was cancelled, so it was not sold`],
      [3, unknown, 'no device with this IMEI in your inventory'],
      [4, bad, expect.stringContaining('Luhn check digit')],
    ]);
  });

  it('refuses a device already on another open RMA (requested, open or received), but not one whose RMA is closed', async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const account = await addPortalAccount(db, seller, scene.buyer.id);
    const requested = await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[0]!.id], { requestedByAccountId: account.id });
    const received = await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[1]!.id], { status: 'received' });
    await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[2]!.id], { status: 'resolved', resolution: 'credit' });
    await addRmaDirectly(db, seller, scene.buyer.id, [scene.bought[3]!.id], { status: 'rejected' });
    const error = await refused(scene.buyer.id, scene.bought.map((d) => line(d.imei!)));
    expect(error.problems).toEqual([
      { value: scene.bought[0]!.imei, line: 1, reason: `already on open RMA ${requested.number}` },
      { value: scene.bought[1]!.imei, line: 2, reason: `already on open RMA ${received.number}` },
    ]);
    const rma = await createRma(db, {
      sellerId: seller.sellerId,
      organizationId: scene.buyer.id,
      actor,
      lines: [line(scene.bought[2]!.imei!), line(scene.bought[3]!.imei!)],
    });
    expect(rma.number).toBeGreaterThan(0);
  });

  it('applies the refund rules: keeping needs an amount above zero, no refund above the price paid, amounts must parse', async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const [a, b, c, d] = scene.bought.map((x) => x.imei!);
    const error = await refused(scene.buyer.id, [
      line(a!, { disposition: 'keep_partial_refund', refund: '' }),
      line(b!, { disposition: 'keep_partial_refund', refund: '0.00' }),
      line(c!, { disposition: 'keep_partial_refund', refund: '100.01' }),
      line(d!, { refund: 'lots', reason: '   ' }),
    ]);
    expect(error.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'keeping the device needs a partial refund above zero'],
      [2, 'keeping the device needs a partial refund above zero'],
      [3, 'the refund $100.01 is more than the $100.00 it was sold for'],
      [4, 'give a reason for the return'],
      [4, 'the refund "lots" is not an amount'],
    ]);
    const ok = await createRma(db, {
      sellerId: seller.sellerId,
      organizationId: scene.buyer.id,
      actor,
      lines: [line(a!, { disposition: 'keep_partial_refund', refund: '100' })],
    });
    expect(ok.number).toBeGreaterThan(0);
  });

  it('refuses the same IMEI twice and an empty paste', async () => {
    const scene = await soldDevicesScene(database.db, seller);
    const imei = scene.bought[0]!.imei!;
    const error = await refused(scene.buyer.id, [line(imei), line(imei)]);
    expect(error.problems).toEqual([{ value: imei, line: 2, reason: 'listed twice (also on line 1)' }]);
    await refused(scene.buyer.id, []);
  });

  it("checks a paste without writing, and treats another seller's organization and devices as unknown", async () => {
    const { db } = database;
    const scene = await soldDevicesScene(db, seller);
    const check = await checkRmaDevices(db, {
      sellerId: seller.sellerId,
      organizationId: scene.buyer.id,
      entries: splitPastedIdentifiers(`${scene.bought[0]!.imei}\n${scene.rivalDevice.imei}`),
    });
    expect(check.candidates.map((c) => [c.imei, c.orderNumber, c.unitPrice])).toEqual([[scene.bought[0]!.imei, scene.soldOrder.number, 10000]]);
    expect(check.problems.map((p) => p.value)).toEqual([scene.rivalDevice.imei]);

    const other = await buildSeller(db);
    const otherActor = await addStaffActor(db, other);
    await expect(
      createRma(db, { sellerId: other.sellerId, organizationId: scene.buyer.id, actor: otherActor, lines: [line(scene.bought[0]!.imei!)] }),
    ).rejects.toThrow('Choose an organization.');
    const otherScene = await soldDevicesScene(db, other);
    const error = await createRma(db, {
      sellerId: other.sellerId,
      organizationId: otherScene.buyer.id,
      actor: otherActor,
      lines: [line(scene.bought[0]!.imei!)],
    }).then(() => null, (e: unknown) => e as Refusal);
    expect(error!.problems).toEqual([{ value: scene.bought[0]!.imei, line: 1, reason: 'no device with this IMEI in your inventory' }]);
  });

  it.skipIf(inject('testDbTemplate').kind !== 'postgres')(
    'lets exactly one of two concurrent RMAs take the same device (PostgreSQL)',
    async () => {
      const { db } = database;
      const scene = await soldDevicesScene(db, seller);
      const device = scene.bought[0]!;
      let settled: Promise<PromiseSettledResult<unknown>[]> | undefined;
      await db.transaction(async (blocker) => {
        // Hold the device until both creations wait for it, so their checks overlap.
        await blocker.execute(sql`select id from devices where id = ${device.id} for update`);
        settled = Promise.allSettled(
          [1, 2].map(() => createRma(db, { sellerId: seller.sellerId, organizationId: scene.buyer.id, actor, lines: [line(device.imei!)] })),
        );
        for (let i = 0; i < 100; i++) {
          const rows = await queryRows<{ n: number }>(db, sql`
            select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
          if (Number(rows[0]?.n ?? 0) >= 2) break;
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      const results = await settled!;
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect((rejected!.reason as Refusal).problems[0]!.reason).toMatch(/already on open RMA/);
      expect(await db.select().from(s.rmaLines).where(eq(s.rmaLines.deviceId, device.id))).toHaveLength(1);
    },
  );
});
