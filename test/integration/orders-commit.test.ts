import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { uncommitDevices } from '@/db/queries/orders/uncommit-devices';
import { Refusal } from '@/lib/refusal';
import { queryRows } from '@/db/rows';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addOrder, addStaffActor, auditOf, commitDirectly, devicesOfLine, unknownImei, withBadCheckDigit } from '../support/orders-fixtures';
import type { StaffActor } from '@/db/queries/audit';

/** Committing devices by pasted IMEIs: every refusal, all-or-nothing, availability, locking. */
describe('committing devices to an order', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: StaffActor;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaffActor(database.db, seller);
  });
  afterAll(() => database.close());

  /** An order of 3 of a product with 5 available devices. */
  async function setup(options: { status?: string; quantity?: number } = {}) {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const product = await addProduct(db, seller);
    const stock = await addDevices(db, seller, product.id, 5);
    const { order, lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: options.quantity ?? 3 }], {
      status: options.status,
    });
    return { org, product, stock, order, line: lines[0]!, imeis: stock.map((d) => d.imei!) };
  }

  async function refusal(text: string, orderNumber: number): Promise<Refusal> {
    const error = await commitDevicesToOrder(database.db, { sellerId: seller.sellerId, orderNumber, text, actor }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Refusal);
    return error as Refusal;
  }

  async function committedIn(orderId: number) {
    const rows = await queryRows<{ n: number }>(database.db, sql`
      select count(*)::int as n from devices d join sales_order_lines l on l.id = d.order_line_id where l.order_id = ${orderId}`);
    return Number(rows[0]?.n ?? 0);
  }

  it('commits a good paste, lowers availability at once, and uncommitting gives it back', async () => {
    const { db } = database;
    const { product, order, line, imeis, stock } = await setup();
    expect(await availableQuantity(db, product.id)).toBe(5);

    const result = await commitDevicesToOrder(db, {
      sellerId: seller.sellerId,
      orderNumber: order.number,
      text: `${imeis[0]}\n${imeis[1]}, ${imeis[2]}`,
      actor,
    });
    expect(result.committed).toBe(3);
    const committed = await devicesOfLine(db, line.id);
    expect(committed.map((d) => d.imei).sort()).toEqual(imeis.slice(0, 3).sort());
    expect(committed.every((d) => d.committedAt !== null)).toBe(true);
    expect(await availableQuantity(db, product.id)).toBe(2);
    const audit = await auditOf(db, seller.sellerId, 'sales_order', order.id);
    expect(audit.map((a) => a.action)).toContain('order.commit');

    await uncommitDevices(db, { sellerId: seller.sellerId, orderNumber: order.number, deviceId: stock[0]!.id, actor });
    expect(await availableQuantity(db, product.id)).toBe(3);
    const [released] = await db.select().from(s.devices).where(eq(s.devices.id, stock[0]!.id));
    expect(released!.orderLineId).toBeNull();
    expect(released!.committedAt).toBeNull();

    await uncommitDevices(db, { sellerId: seller.sellerId, orderNumber: order.number, lineId: line.id, actor });
    expect(await availableQuantity(db, product.id)).toBe(5);
    expect(await devicesOfLine(db, line.id)).toHaveLength(0);
  });

  it('refuses a bad check digit, naming the IMEI, and commits nothing of the paste', async () => {
    const { db } = database;
    const { product, order, imeis } = await setup();
    const bad = withBadCheckDigit(imeis[1]!);
    const error = await refusal(`${imeis[0]}\n${bad}\n${imeis[2]}`, order.number);
    expect(error.problems).toEqual([{ value: bad, line: 2, reason: expect.stringContaining('Luhn check digit') }]);
    expect(error.message).toMatch(/Nothing was committed/);
    expect(await committedIn(order.id)).toBe(0);
    expect(await availableQuantity(db, product.id)).toBe(5);
  });

  it('refuses text that is not 15 digits', async () => {
    const { order } = await setup();
    const error = await refusal('12345', order.number);
    expect(error.problems).toEqual([{ value: '12345', line: 1, reason: expect.stringContaining('15 digits') }]);
  });

  it('refuses an IMEI that is no device of the seller', async () => {
    const { order, imeis } = await setup();
    const unknown = unknownImei();
    const error = await refusal(`${imeis[0]} ${unknown}`, order.number);
    expect(error.problems).toEqual([{ value: unknown, line: 1, reason: 'no device with this IMEI in your inventory' }]);
    expect(await committedIn(order.id)).toBe(0);
  });

  it("refuses another seller's device as unknown and leaves it untouched", async () => {
    const { db } = database;
    const { order, imeis } = await setup();
    const other = await buildSeller(db);
    const otherProduct = await addProduct(db, other);
    const [foreign] = await addDevices(db, other, otherProduct.id, 1);
    const error = await refusal(`${imeis[0]}\n${foreign!.imei}`, order.number);
    expect(error.problems).toEqual([{ value: foreign!.imei, line: 2, reason: 'no device with this IMEI in your inventory' }]);
    const [after] = await db.select().from(s.devices).where(eq(s.devices.id, foreign!.id));
    expect(after!.orderLineId).toBeNull();
    expect(await availableQuantity(db, otherProduct.id)).toBe(1);
    expect(await committedIn(order.id)).toBe(0);
  });

  it('refuses a device whose product is not on the order', async () => {
    const { db } = database;
    const { order, imeis } = await setup();
    const elsewhere = await addProduct(db, seller, { sku: `OTHER-${Date.now()}` });
    const [device] = await addDevices(db, seller, elsewhere.id, 1);
    const error = await refusal(`${imeis[0]}\n${device!.imei}`, order.number);
    expect(error.problems).toEqual([{ value: device!.imei, line: 2, reason: `its product ${elsewhere.sku} is not on this order` }]);
    expect(await committedIn(order.id)).toBe(0);
  });

  it('refuses a device committed to another order, naming that order, and one already on this order', async () => {
    const { db } = database;
    const { org, product, order, line, imeis, stock } = await setup();
    const { order: first, lines } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 1 }]);
    await commitDirectly(db, lines[0]!.id, [stock[4]!.id]);
    await commitDirectly(db, line.id, [stock[3]!.id]);
    const error = await refusal(`${imeis[0]}\n${imeis[4]}\n${imeis[3]}`, order.number);
    expect(error.problems).toEqual([
      { value: imeis[4], line: 2, reason: `already committed to order ${first.number}` },
      { value: imeis[3], line: 3, reason: 'already committed to this order' },
    ]);
    expect((await devicesOfLine(db, line.id)).map((d) => d.id)).toEqual([stock[3]!.id]);
    expect((await devicesOfLine(db, lines[0]!.id)).map((d) => d.id)).toEqual([stock[4]!.id]);
  });

  it("refuses more devices than the line's remaining quantity, counting earlier IMEIs of the same paste", async () => {
    const { db } = database;
    const { product, order, line, imeis, stock } = await setup({ quantity: 2 });
    await commitDirectly(db, line.id, [stock[0]!.id]);
    const error = await refusal(`${imeis[1]}\n${imeis[2]}`, order.number);
    expect(error.problems).toEqual([
      { value: imeis[2], line: 2, reason: expect.stringMatching(/orders 2, 1 already committed and 1 earlier in this paste/) },
    ]);
    // The IMEI that would have fitted was not committed either.
    expect((await devicesOfLine(db, line.id)).map((d) => d.id)).toEqual([stock[0]!.id]);
    expect(await availableQuantity(db, product.id)).toBe(4);
  });

  it('refuses the same IMEI twice in one paste', async () => {
    const { order, imeis } = await setup();
    const error = await refusal(`${imeis[0]}\n${imeis[0]}`, order.number);
    expect(error.problems).toEqual([{ value: imeis[0], line: 2, reason: 'listed twice in this paste (also on line 1)' }]);
    expect(await committedIn(order.id)).toBe(0);
  });

  it("refuses when the order's status does not allow committing, naming every IMEI", async () => {
    const { db } = database;
    const { product, order, imeis } = await setup({ status: 'Awaiting Confirmation' });
    const error = await refusal(`${imeis[0]}\n${imeis[1]}`, order.number);
    expect(error.message).toMatch(/Awaiting Confirmation, a status that does not allow committing devices.*Confirmed allows it/);
    expect(error.problems.map((p) => p.value)).toEqual([imeis[0], imeis[1]]);
    expect(await committedIn(order.id)).toBe(0);
    expect(await availableQuantity(db, product.id)).toBe(5);
  });

  it('lists every problem of a paste at once, then the corrected paste commits', async () => {
    const { db } = database;
    const { product, order, imeis } = await setup();
    const bad = withBadCheckDigit(imeis[0]!);
    const unknown = unknownImei();
    const error = await refusal([bad, imeis[1], unknown, imeis[2]].join('\n'), order.number);
    expect(error.problems.map((p) => [p.line, p.value])).toEqual([
      [1, bad],
      [3, unknown],
    ]);
    expect(await committedIn(order.id)).toBe(0);
    await commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: `${imeis[1]}\n${imeis[2]}`, actor });
    expect(await committedIn(order.id)).toBe(2);
    expect(await availableQuantity(db, product.id)).toBe(3);
  });

  it("answers another seller's order number as not found", async () => {
    const { db } = database;
    const { order, imeis } = await setup();
    const other = await buildSeller(db);
    const otherActor = await addStaffActor(db, other);
    await expect(
      commitDevicesToOrder(db, { sellerId: other.sellerId, orderNumber: order.number, text: imeis[0]!, actor: otherActor }),
    ).rejects.toThrow(/not found/);
    await expect(
      uncommitDevices(db, { sellerId: other.sellerId, orderNumber: order.number, lineId: 1, actor: otherActor }),
    ).rejects.toThrow(/not found/);
    expect(await committedIn(order.id)).toBe(0);
  });

  it('refuses to uncommit a device that is not on this order', async () => {
    const { db } = database;
    const a = await setup();
    const b = await setup();
    await commitDirectly(db, b.line.id, [b.stock[0]!.id]);
    await expect(
      uncommitDevices(db, { sellerId: seller.sellerId, orderNumber: a.order.number, deviceId: b.stock[0]!.id, actor }),
    ).rejects.toThrow('That device is not committed to this order.');
    expect(await devicesOfLine(db, b.line.id)).toHaveLength(1);
  });

  const onPostgres = inject('testDbTemplate').kind === 'postgres';

  /** Holds a lock on the device until both commits wait for it, so their reads truly overlap. */
  async function raceOnDevice(deviceId: number, attempts: (() => Promise<unknown>)[]) {
    const { db } = database;
    let settled: Promise<PromiseSettledResult<unknown>[]> | undefined;
    await db.transaction(async (blocker) => {
      await blocker.execute(sql`select id from devices where id = ${deviceId} for update`);
      settled = Promise.allSettled(attempts.map((run) => run()));
      for (let i = 0; i < 100; i++) {
        const rows = await queryRows<{ n: number }>(db, sql`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`);
        if (Number(rows[0]?.n ?? 0) >= attempts.length) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    return settled!;
  }

  it.skipIf(!onPostgres)('lets exactly one of two concurrent commits of the same IMEI succeed (PostgreSQL)', async () => {
    const { db } = database;
    const a = await setup();
    const b = await setup();
    const [shared] = await addDevices(db, seller, a.product.id, 1);
    await db.insert(s.salesOrderLines).values({ sellerId: seller.sellerId, orderId: b.order.id, productId: a.product.id, quantity: 1, unitPrice: 100, position: 1 });
    const results = await raceOnDevice(shared!.id, [
      () => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: a.order.number, text: shared!.imei!, actor }),
      () => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: b.order.number, text: shared!.imei!, actor }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(Refusal);
    expect((rejected[0]!.reason as Refusal).problems[0]!.reason).toMatch(/already committed to order/);
    const [after] = await db.select().from(s.devices).where(eq(s.devices.id, shared!.id));
    expect(after!.orderLineId).not.toBeNull();
    expect(await availableQuantity(db, a.product.id)).toBe(5);
  });

  it.skipIf(!onPostgres)('never overfills a line when two pastes race for its last place (PostgreSQL)', async () => {
    const { db } = database;
    const { order, line, stock } = await setup({ quantity: 1 });
    const results = await raceOnDevice(stock[0]!.id, [
      () => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: stock[0]!.imei!, actor }),
      () => commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: stock[1]!.imei!, actor }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await devicesOfLine(db, line.id)).toHaveLength(1);
    const ids = stock.map((d) => d.id);
    const uncommitted = await db.select().from(s.devices).where(inArray(s.devices.id, ids));
    expect(uncommitted.filter((d) => d.orderLineId !== null)).toHaveLength(1);
  });
});
