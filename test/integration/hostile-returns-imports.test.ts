import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createReturnRequest } from '@/db/queries/portal/rmas/request-rma';
import { importDevices } from '@/db/queries/inventory/import-devices';
import { applyPriceUpdate } from '@/db/queries/products/price-update';
import { queryRows } from '@/db/rows';
import { sequentialImei } from '@/lib/imei';
import { readMoney } from '@/lib/money';
import { deviceImportSchema } from '@/lib/validation/inventory';
import { priceUpdateSchema } from '@/lib/validation/products';
import { returnRequestSchema } from '@/lib/validation/return-request';
import { withoutControlCharacters } from '@/lib/validation/clean-input';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { hostileText, refusedOrAccepted } from '../support/hostile';
import { addProduct, type SellerFixture } from '../support/fixtures';
import { addStaffActor } from '../support/orders-fixtures';
import { addPurchase, buildTwoSellers, setReturnWindow } from '../support/history-fixtures';

/**
 * Hostile input, generated, over the return request and the two CSV imports
 * (devices, price update), through the action's own cleaning and schema and
 * then the query, as `hostile-input.test.ts` does for the cart, checkout and
 * commit paths. Every input ends refused by the schema, refused with a
 * Refusal, or accepted; never another error; and nothing is half-written.
 */
const RUNS = 200;

/** What a money cell or field receives: amounts in several conventions, and garbage. */
const hostileAmount = fc.oneof(
  fc.constantFrom('', '0', '0.00', '-5', '25.00', '25,00', '1,234.56', '1e9', '99999999999999999999', '$12', '12.345', 'NaN', ' 7 ', '٣'),
  fc.integer({ min: -1000, max: 10_000_000 }).map(String),
  fc.string({ maxLength: 12 }),
);

describe('hostile input: return requests and CSV imports', () => {
  let database: TestDatabase;
  let w: Awaited<ReturnType<typeof buildTwoSellers>>;
  let seller: SellerFixture;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    w = await buildTwoSellers(database.db);
    seller = w.x;
    await setReturnWindow(database.db, seller.sellerId, 90);
  });
  afterAll(() => database.close());

  it('return requests: foreign, garbage and repeated IMEIs, hostile reasons and refunds are refused whole or written whole', async () => {
    const { db } = database;
    // Devices the buyer's organization bought, another organization's, another seller's.
    const own = (await addPurchase(db, seller, w.orgA.id, { count: 40 })).devices;
    const imeiOf = async (ids: number[]) =>
      (await queryRows<{ imei: string }>(db, sql`select imei from devices where id in ${sql.raw(`(${ids.join(',')})`)} and imei is not null`)).map((d) => d.imei);
    const ownImeis = await imeiOf(own.map((d) => d.id));
    const otherOrg = await imeiOf(w.purchaseB.devices.map((d) => d.id));
    const otherSeller = await imeiOf(w.purchaseC.devices.map((d) => d.id));
    const imei = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ownImeis) },
      fc.constantFrom(...otherOrg, ...otherSeller),
      fc.stringMatching(/^[0-9]{14,16}$/),
      hostileText,
    );
    const line = fc.record({
      imei,
      reason: fc.oneof({ weight: 6, arbitrary: fc.constant('Screen flickers') }, hostileText),
      disposition: fc.oneof({ weight: 8, arbitrary: fc.constantFrom('return', 'keep_partial_refund') }, hostileText),
      requestedRefund: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('25.00', '7') }, hostileAmount),
    });
    const tally = { schema: 0, refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 3 }), fc.oneof(fc.constant(''), hostileText), async (lines, notes) => {
        const parsed = returnRequestSchema.safeParse(withoutControlCharacters({ lines, notes }));
        if (!parsed.success) {
          tally.schema++;
          return;
        }
        // As the action does: the typed refund is read in the seller's currency, or the request is refused.
        const read = parsed.data.lines.map((l) => ({ ...l, reading: l.disposition === 'keep_partial_refund' ? readMoney(l.requestedRefund, 'USD') : null }));
        if (read.some((l) => l.reading && !l.reading.ok)) {
          tally.schema++;
          return;
        }
        const before = await queryRows<{ rmas: number; lines: number }>(db, sql`select (select count(*)::int from rmas) as rmas, (select count(*)::int from rma_lines) as lines`);
        const result = await refusedOrAccepted(() =>
          createReturnRequest(db, {
            sellerId: seller.sellerId,
            organizationId: w.orgA.id,
            portalAccountId: w.accountA.id,
            notes: parsed.data.notes,
            lines: read.map((l) => ({
              imei: l.imei,
              reason: l.reason,
              disposition: l.disposition,
              requestedRefund: l.reading?.ok ? l.reading.minor : null,
            })),
          }),
        );
        tally[result]++;
        const after = await queryRows<{ rmas: number; lines: number }>(db, sql`select (select count(*)::int from rmas) as rmas, (select count(*)::int from rma_lines) as lines`);
        if (result === 'refused') expect(after).toEqual(before);
        else {
          expect(after[0]!.rmas).toBe(before[0]!.rmas + 1);
          expect(after[0]!.lines).toBe(before[0]!.lines + parsed.data.lines.length);
        }
        // Put the devices back: close the request, so later inputs may return them again.
        await db.execute(sql`update rmas set status = 'rejected' where seller_id = ${seller.sellerId} and organization_id = ${w.orgA.id} and status = 'requested'`);
      }),
      // One of each ending always runs besides the generated inputs (accepted, refused by the query, refused by the schema).
      {
        numRuns: RUNS,
        examples: [
          [[{ imei: ownImeis[0]!, reason: 'Screen flickers', disposition: 'return', requestedRefund: '25.00' }], ''],
          [[{ imei: otherSeller[0]!, reason: 'Screen flickers', disposition: 'return', requestedRefund: '25.00' }], ''],
          [[{ imei: ownImeis[0]!, reason: 'Screen flickers', disposition: 'not a disposition', requestedRefund: '25.00' }], ''],
        ],
      },
    );
    // Whole: no RMA without lines, no line for a device the organization did not buy, none of another seller.
    const broken = await queryRows(db, sql`
      select r.id from rmas r
      where r.seller_id = ${seller.sellerId} and r.organization_id = ${w.orgA.id}
        and (not exists (select 1 from rma_lines l where l.rma_id = r.id)
          or exists (
            select 1 from rma_lines l join devices d on d.id = l.device_id
            left join sales_order_lines ol on ol.id = d.order_line_id left join sales_orders o on o.id = ol.order_id
            where l.rma_id = r.id and (d.seller_id <> r.seller_id or o.organization_id is distinct from r.organization_id)))`);
    expect(broken).toEqual([]);
    expect(tally.schema).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('device CSV import: hostile cells are refused row by row and a file imports all or nothing', async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const product = await addProduct(db, seller);
    const rivalProduct = await addProduct(db, w.y);
    let serial = 0;
    const freshImei = () => sequentialImei(700_000 + ++serial, '35');
    const cell = {
      imei: fc.oneof({ weight: 12, arbitrary: fc.constant(null).map(() => freshImei()) }, fc.stringMatching(/^[0-9]{13,17}$/), hostileText),
      sku: fc.oneof({ weight: 12, arbitrary: fc.constant(product.sku) }, fc.constant(rivalProduct.sku), hostileText),
      warehouse: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('MAIN', 'main', 'OVF') }, hostileText),
      status: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Available', 'available') }, hostileText),
      cost: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '12.50', '80') }, hostileAmount),
      received: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('', '2026-11-30') }, fc.constantFrom('2026-02-30', '30/11/2026', '9999-12-31'), hostileText),
    };
    const row = fc.record({ imei: cell.imei, serial: fc.constant(''), sku: cell.sku, warehouse: cell.warehouse, status: cell.status, cost: cell.cost, received: cell.received });
    const tally = { schema: 0, refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 3 }), async (cells) => {
        const rows = cells.map((c, i) => ({ row: i + 2, ...c }));
        const parsed = deviceImportSchema.safeParse(withoutControlCharacters({ rows }));
        if (!parsed.success) {
          tally.schema++;
          return;
        }
        const before = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where seller_id = ${seller.sellerId}`);
        const result = await refusedOrAccepted(() => importDevices(db, { sellerId: seller.sellerId, actor, currency: 'USD', rows: parsed.data.rows }));
        tally[result]++;
        const after = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from devices where seller_id = ${seller.sellerId}`);
        expect(after[0]!.n).toBe(before[0]!.n + (result === 'accepted' ? rows.length : 0));
      }),
      // An accepted and a refused file always run besides the generated ones.
      {
        numRuns: RUNS,
        examples: [
          [[{ imei: freshImei(), serial: '', sku: product.sku, warehouse: 'MAIN', status: 'Available', cost: '12.50', received: '' }]],
          [[{ imei: freshImei(), serial: '', sku: rivalProduct.sku, warehouse: 'MAIN', status: 'Available', cost: '', received: '' }]],
        ],
      },
    );
    const rivals = await queryRows(db, sql`select id from devices where product_id = ${rivalProduct.id} and seller_id = ${seller.sellerId}`);
    expect(rivals).toEqual([]);
    const negative = await queryRows(db, sql`select id from devices where seller_id = ${seller.sellerId} and cost < 0`);
    expect(negative).toEqual([]);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it("price update CSV: hostile SKUs and prices change every named price or none, never another seller's", async () => {
    const { db } = database;
    const actor = await addStaffActor(db, seller);
    const products = await Promise.all([addProduct(db, seller), addProduct(db, seller), addProduct(db, seller)]);
    const rivalProduct = await addProduct(db, w.y);
    const prices = async () =>
      queryRows<{ id: number; list_price: number | null }>(db, sql`
        select id, list_price from products where id in ${sql.raw(`(${[...products.map((p) => p.id), rivalProduct.id].join(',')})`)} order by id`);
    const rivalBefore = (await prices()).find((p) => p.id === rivalProduct.id);
    const row = fc.record({
      sku: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...products.map((p) => p.sku)) }, fc.constant(rivalProduct.sku), hostileText),
      listPrice: hostileAmount,
    });
    const tally = { schema: 0, refused: 0, accepted: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), async (cells) => {
        const rows = cells.map((c, i) => ({ row: i + 2, ...c }));
        const parsed = priceUpdateSchema.safeParse(withoutControlCharacters({ rows }));
        if (!parsed.success) {
          tally.schema++;
          return;
        }
        const before = await prices();
        const result = await refusedOrAccepted(() => applyPriceUpdate(db, { sellerId: seller.sellerId, actor, currency: 'USD', rows: parsed.data.rows }));
        tally[result]++;
        const after = await prices();
        if (result === 'refused') expect(after).toEqual(before);
        for (const p of after) if (p.list_price !== null) expect(Number(p.list_price)).toBeGreaterThanOrEqual(0);
      }),
      // An accepted and a refused file always run besides the generated ones.
      { numRuns: RUNS, examples: [[[{ sku: products[0]!.sku, listPrice: '10.00' }]], [[{ sku: rivalProduct.sku, listPrice: '10.00' }]]] },
    );
    expect((await prices()).find((p) => p.id === rivalProduct.id)).toEqual(rivalBefore);
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.accepted).toBeGreaterThan(0);
  });
});
