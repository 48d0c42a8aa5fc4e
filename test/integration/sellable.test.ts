import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { transactionRetries } from '@/db/transaction-retry';
import { sequentialImei } from '@/lib/imei';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { availabilityRecountMismatches } from '../support/availability-recount';

const onPostgres = inject('testDbTemplate').kind === 'postgres';

/** A small seeded generator, so a failure can be replayed with its seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T,>(list: readonly T[], max: number): T[] => Array.from({ length: 1 + int(max) }, () => pick(list));
  return { next, int, pick, some };
}
type Random = ReturnType<typeof generator>;

/** A random condition, as a diagnostics tool would report it (battery bounds hit on purpose). */
function randomCondition(r: Random) {
  return {
    battery: r.next() < 0.15 ? null : r.pick([0, 50, 79, 80, 85, 89, 90, 95, 100, r.int(101)]),
    carrierLock: r.pick(['unlocked', 'locked', 'unknown'] as const),
    blacklist: r.pick(['clean', 'clean', 'blacklisted', 'unknown'] as const),
    activation: r.pick(['off', 'off', 'on', 'unknown'] as const),
    mdm: r.pick(['off', 'off', 'on', 'unknown'] as const),
    frp: r.pick(['off', 'off', 'on', 'unknown'] as const),
    test: r.pick(['pass', 'pass', 'fail', null] as const),
  };
}

const list = (values: (string | number | null)[]) => values.map((v) => (v === null ? '' : String(v))).join(',');

/** One UPDATE giving each listed device its own random condition (a bulk diagnostics import). */
function bulkConditionUpdate(r: Random, ids: number[]): SQL {
  const c = ids.map(() => randomCondition(r));
  return sql`update devices d set battery_health = nullif(u.b, '')::smallint, carrier_lock = u.l, blacklist_status = u.bl,
      activation_lock = u.a, mdm_lock = u.m, frp_lock = u.f, functional_test = nullif(u.t, '')
    from unnest(string_to_array(${list(ids)}, ',')::int[], string_to_array(${list(c.map((x) => x.battery))}, ','),
      string_to_array(${list(c.map((x) => x.carrierLock))}, ','), string_to_array(${list(c.map((x) => x.blacklist))}, ','),
      string_to_array(${list(c.map((x) => x.activation))}, ','), string_to_array(${list(c.map((x) => x.mdm))}, ','),
      string_to_array(${list(c.map((x) => x.frp))}, ','), string_to_array(${list(c.map((x) => x.test))}, ','))
      as u(id, b, l, bl, a, m, f, t)
    where d.id = u.id`;
}

function insertDevices(r: Random, seller: SellerFixture, productIds: number[], count: number): SQL {
  const c = Array.from({ length: count }, () => randomCondition(r));
  const imeis = c.map(() => sequentialImei(++imeiSerial + process.pid * 100_000, '97'));
  return sql`insert into devices (seller_id, imei, product_id, status_id, warehouse_id, cost, battery_health, carrier_lock,
      blacklist_status, activation_lock, mdm_lock, frp_lock, functional_test)
    select ${seller.sellerId}, u.imei, u.p, u.st, u.w, 5000, nullif(u.b, '')::smallint, u.l, u.bl, u.a, u.m, u.f, nullif(u.t, '')
    from unnest(string_to_array(${imeis.join(',')}, ','), string_to_array(${list(c.map(() => r.pick(productIds)))}, ',')::int[],
      string_to_array(${list(c.map(() => r.pick(seller.statuses).id))}, ',')::int[],
      string_to_array(${list(c.map(() => r.pick(seller.warehouses).id))}, ',')::int[],
      string_to_array(${list(c.map((x) => x.battery))}, ','), string_to_array(${list(c.map((x) => x.carrierLock))}, ','),
      string_to_array(${list(c.map((x) => x.blacklist))}, ','), string_to_array(${list(c.map((x) => x.activation))}, ','),
      string_to_array(${list(c.map((x) => x.mdm))}, ','), string_to_array(${list(c.map((x) => x.frp))}, ','),
      string_to_array(${list(c.map((x) => x.test))}, ','))
      as u(imei, p, st, w, b, l, bl, a, m, f, t)`;
}
let imeiSerial = 0;

const ruleColumns = ['hide_blacklisted', 'hide_unknown_blacklist', 'hide_activation_locked', 'hide_failed_test'] as const;

/** The next random write: single or bulk, on condition, status, warehouse, commitment, product, rules or membership. */
function randomWrite(r: Random, ctx: { seller: SellerFixture; deviceIds: number[]; productIds: number[]; lineId: number }): SQL {
  const { seller, deviceIds, productIds, lineId } = ctx;
  const one = () => r.pick(deviceIds);
  const many = () => [...new Set(r.some(deviceIds, 40))];
  const ids = (xs: number[]) => sql`string_to_array(${list(xs)}, ',')::int[]`;
  const c = randomCondition(r);
  switch (r.int(14)) {
    case 0:
      return sql`update devices set battery_health = ${c.battery} where id = ${one()}`;
    case 1:
      return sql`update devices set carrier_lock = ${c.carrierLock} where id = ${one()}`;
    case 2:
      return sql`update devices set blacklist_status = ${c.blacklist}, activation_lock = ${c.activation} where id = ${one()}`;
    case 3:
      return sql`update devices set mdm_lock = ${c.mdm}, frp_lock = ${c.frp}, functional_test = ${c.test} where id = ${one()}`;
    case 4:
    case 5:
      return bulkConditionUpdate(r, many());
    case 6:
      return sql`update devices set status_id = ${r.pick(seller.statuses).id} where id = any(${ids(many())})`;
    case 7:
      return sql`update devices set warehouse_id = ${r.pick(seller.warehouses).id} where id = any(${ids(many())})`;
    case 8:
      return sql`update devices set order_line_id = case when order_line_id is null then ${lineId}::int end where id = any(${ids(many())})`;
    case 9:
      return sql`update devices set product_id = ${r.pick(productIds)} where id = any(${ids(many())})`;
    case 10:
      // Several columns at once, each device its own way.
      return sql`update devices set battery_health = case when random() < 0.5 then null else (random() * 100)::int end,
        carrier_lock = (array['unlocked', 'locked', 'unknown'])[1 + (id % 3)], status_id = ${r.pick(seller.statuses).id}
        where id = any(${ids(many())})`;
    case 11:
      return sql`update portal_settings set ${sql.identifier(r.pick(ruleColumns))} = ${r.next() < 0.5} where seller_id = ${seller.sellerId}`;
    case 12: {
      const status = r.pick(seller.statuses).id;
      return r.next() < 0.5
        ? sql`delete from portal_for_sale_statuses where seller_id = ${seller.sellerId} and status_id = ${status}`
        : sql`insert into portal_for_sale_statuses (seller_id, status_id) values (${seller.sellerId}, ${status}) on conflict do nothing`;
    }
    default:
      return sql`update devices set battery_health = ${c.battery}, carrier_lock = ${c.carrierLock}, blacklist_status = ${c.blacklist},
        activation_lock = ${c.activation}, mdm_lock = ${c.mdm}, frp_lock = ${c.frp}, functional_test = ${c.test} where id = ${one()}`;
  }
}

async function expectExact(db: Db, sellerId: number, note: string) {
  const { mismatches } = await availabilityRecountMismatches(db, sellerId);
  expect(mismatches, note).toEqual([]);
}

async function setUp(db: Db, products: number) {
  const seller = await buildSeller(db);
  const productIds: number[] = [];
  for (let i = 0; i < products; i++) productIds.push((await addProduct(db, seller)).id);
  const org = await addOrganization(db, seller);
  const [order] = await db
    .insert(s.salesOrders)
    .values({ sellerId: seller.sellerId, number: 1, organizationId: org.id, statusId: seller.orderStatus('Confirmed').id, channelId: seller.channel('Phone').id })
    .returning();
  const [line] = await db
    .insert(s.salesOrderLines)
    .values({ sellerId: seller.sellerId, orderId: order!.id, productId: productIds[0]!, quantity: 1, unitPrice: 100 })
    .returning();
  return { seller, productIds, lineId: line!.id };
}

const deviceIdsOf = async (db: Db, sellerId: number) =>
  (await queryRows<{ id: number }>(db, sql`select id from devices where seller_id = ${sellerId} order by id`)).map((r) => Number(r.id));

/** Sellable rules and availability by condition must always equal a recount from the devices. */
describe('sellable rules and availability cells', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
  });
  afterAll(() => database.close());

  it('hides blacklisted, activation-locked, failed and unknown-blacklist devices only while the rule is on', async () => {
    const { db } = database;
    const { seller, productIds } = await setUp(db, 1);
    const productId = productIds[0]!;
    const add = (values: Partial<typeof s.devices.$inferInsert>) =>
      db.insert(s.devices).values({
        sellerId: seller.sellerId,
        imei: sequentialImei(++imeiSerial + process.pid * 100_000, '97'),
        productId,
        statusId: seller.status('Available').id,
        warehouseId: seller.warehouse('MAIN').id,
        blacklistStatus: 'clean',
        ...values,
      });
    await add({});
    await add({ blacklistStatus: 'blacklisted' });
    await add({ blacklistStatus: 'unknown' });
    await add({ activationLock: 'on' });
    await add({ mdmLock: 'on' });
    await add({ frpLock: 'on' });
    await add({ functionalTest: 'fail', failedChecks: ['Face ID'] });
    await add({ functionalTest: 'pass' });
    const quantity = async () =>
      Number((await queryRows<{ q: number }>(db, sql`select quantity as q from product_availability where product_id = ${productId}`))[0]?.q ?? 0);
    const rule = (column: (typeof ruleColumns)[number], on: boolean) =>
      db.execute(sql`update portal_settings set ${sql.identifier(column)} = ${on} where seller_id = ${seller.sellerId}`);

    expect(await quantity()).toBe(8);
    await rule('hide_blacklisted', true);
    expect(await quantity()).toBe(7);
    await rule('hide_activation_locked', true);
    expect(await quantity()).toBe(4);
    await rule('hide_failed_test', true);
    expect(await quantity()).toBe(3);
    await rule('hide_unknown_blacklist', true);
    expect(await quantity()).toBe(2);
    await expectExact(db, seller.sellerId, 'all rules on');

    // A condition change moves availability at once: the blacklisted unit comes back clean.
    await db.execute(sql`update devices set blacklist_status = 'clean' where product_id = ${productId} and blacklist_status = 'blacklisted'`);
    expect(await quantity()).toBe(3);
    await rule('hide_blacklisted', false);
    await rule('hide_activation_locked', false);
    await rule('hide_failed_test', false);
    await rule('hide_unknown_blacklist', false);
    expect(await quantity()).toBe(8);
    await expectExact(db, seller.sellerId, 'all rules off');
  });

  it('keeps cells per battery band and carrier lock, their sum the product quantity', async () => {
    const { db } = database;
    const { seller, productIds } = await setUp(db, 1);
    const productId = productIds[0]!;
    const add = (batteryHealth: number | null, carrierLock: 'unlocked' | 'locked' | 'unknown') =>
      db.insert(s.devices).values({
        sellerId: seller.sellerId,
        imei: sequentialImei(++imeiSerial + process.pid * 100_000, '97'),
        productId,
        statusId: seller.status('Available').id,
        warehouseId: seller.warehouse('MAIN').id,
        batteryHealth,
        carrierLock,
      });
    await add(90, 'unlocked');
    await add(100, 'unlocked');
    await add(89, 'locked');
    await add(80, 'unlocked');
    await add(79, 'unknown');
    await add(null, 'unknown');
    const cells = async () =>
      queryRows<{ battery_band: string; carrier_lock: string; quantity: number }>(db, sql`
        select battery_band, carrier_lock, quantity from product_availability_cells
        where product_id = ${productId} and quantity > 0 order by battery_band, carrier_lock`);
    expect(await cells()).toEqual([
      { battery_band: '0-79', carrier_lock: 'unknown', quantity: 1 },
      { battery_band: '80-89', carrier_lock: 'locked', quantity: 1 },
      { battery_band: '80-89', carrier_lock: 'unlocked', quantity: 1 },
      { battery_band: '90-100', carrier_lock: 'unlocked', quantity: 2 },
      { battery_band: 'unknown', carrier_lock: 'unknown', quantity: 1 },
    ]);
    // A new battery reading moves a unit between bands without changing the product's quantity.
    await db.execute(sql`update devices set battery_health = 91 where product_id = ${productId} and battery_health = 89`);
    expect((await cells()).find((c) => c.battery_band === '90-100' && c.carrier_lock === 'locked')).toEqual({ battery_band: '90-100', carrier_lock: 'locked', quantity: 1 });
    await expectExact(db, seller.sellerId, 'after a battery reading');
  });

  it('equals a recount after thousands of random single and bulk writes, and after rolled-back ones', async () => {
    const { db } = database;
    const seed = Number(process.env.SELLABLE_SEED ?? Date.now() % 1_000_000);
    const r = generator(seed);
    const { seller, productIds, lineId } = await setUp(db, 12);
    await db.execute(insertDevices(r, seller, productIds, 400));
    await expectExact(db, seller.sellerId, `seed ${seed}: after the first insert`);
    let deviceIds = await deviceIdsOf(db, seller.sellerId);
    const ctx = () => ({ seller, deviceIds, productIds, lineId });

    const rounds = 2000;
    for (let i = 1; i <= rounds; i++) {
      const kind = r.int(40);
      if (kind === 0) {
        await db.execute(insertDevices(r, seller, productIds, 1 + r.int(30)));
        deviceIds = await deviceIdsOf(db, seller.sellerId);
      } else if (kind === 1 && deviceIds.length > 300) {
        const gone = [...new Set(r.some(deviceIds, 10))];
        await db.execute(sql`delete from devices where id = any(string_to_array(${list(gone)}, ',')::int[])`);
        deviceIds = deviceIds.filter((id) => !gone.includes(id));
      } else if (kind === 2) {
        // Several statements in one transaction, half of them rolled back: a rollback leaves no trace.
        const rollback = r.next() < 0.5;
        await db
          .transaction(async (tx) => {
            for (let k = 0; k < 5; k++) await tx.execute(randomWrite(r, ctx()));
            if (rollback) throw new Error('rollback');
          })
          .catch((e: Error) => {
            if (e.message !== 'rollback') throw e;
          });
      } else {
        await db.execute(randomWrite(r, ctx()));
      }
      if (i % 250 === 0) await expectExact(db, seller.sellerId, `seed ${seed}: after ${i} writes`);
    }
    const { counted } = await availabilityRecountMismatches(db, seller.sellerId);
    // The run covered both sides: some units counted and some hidden.
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(deviceIds.length);
  }, 240_000);

  it.runIf(onPostgres)('stays exact under concurrent bulk writes over the same products, without a deadlock', async () => {
    const { db } = database;
    const seed = Number(process.env.SELLABLE_SEED ?? Date.now() % 1_000_000);
    const { seller, productIds, lineId } = await setUp(db, 8);
    await db.execute(insertDevices(generator(seed), seller, productIds, 800));
    const all = await deviceIdsOf(db, seller.sellerId);
    const workers = 4;
    const retriesBefore = transactionRetries.count;
    // Each worker owns its own devices (device rows never conflict) while every product is shared.
    const work = async (w: number) => {
      const r = generator(seed + w + 1);
      const mine = all.filter((_, i) => i % workers === w);
      for (let i = 0; i < 120; i++) {
        const chosen = [...new Set(r.some(mine, 60))].sort((a, b) => (r.next() < 0.5 ? a - b : b - a));
        await db.transaction(async (tx) => {
          await tx.execute(bulkConditionUpdate(r, chosen));
          const c = randomCondition(r);
          await tx.execute(sql`update devices set status_id = ${r.pick(seller.statuses).id}, carrier_lock = ${c.carrierLock},
            order_line_id = case when random() < 0.2 then ${lineId}::int end
            where id = any(string_to_array(${list(chosen.slice(0, 20))}, ',')::int[])`);
        });
      }
    };
    // And a manager flips the sellable rules meanwhile (each flip rebuilds the seller's availability).
    const rules = async () => {
      const r = generator(seed + 99);
      for (let i = 0; i < 20; i++) {
        await db.transaction(async (tx) => {
          await tx.execute(sql`update portal_settings set ${sql.identifier(r.pick(ruleColumns))} = ${r.next() < 0.5} where seller_id = ${seller.sellerId}`);
        });
      }
    };
    await Promise.all([...Array.from({ length: workers }, (_, w) => work(w)), rules()]);
    expect(transactionRetries.count - retriesBefore, 'deadlocks retried').toBe(0);
    await expectExact(db, seller.sellerId, `seed ${seed}: after concurrent writes`);
  }, 240_000);
});
