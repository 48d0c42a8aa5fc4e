import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import { queryRows } from '@/db/rows';
import { forSaleListing, forSaleProduct } from '@/db/queries/for-sale';
import { batteryBand } from '@/lib/device-condition';
import { sequentialImei } from '@/lib/imei';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { countsForSale, type SellableRules } from '../support/availability-recount';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addBuyer, setPortalSettings, staffCommitDevices } from '../support/portal-fixtures';

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('the portal product page: one product of For Sale by SKU', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let rival: SellerFixture;
  const productIds: number[] = [];
  let imei = 0;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    rival = await buildSeller(database.db);
    const rnd = random(15);
    const pick = <T,>(values: readonly T[]) => values[Math.floor(rnd() * values.length)]!;
    for (let p = 0; p < 4; p++) {
      const product = await addProduct(database.db, seller, { sku: `PP-${process.pid}-${p}`, model: `Product Page ${p}` });
      productIds.push(product.id);
      await database.db.insert(s.devices).values(
        Array.from({ length: 60 }, () => ({
          sellerId: seller.sellerId,
          imei: sequentialImei(++imei + process.pid * 10_000, '71'),
          productId: product.id,
          statusId: seller.status(pick(['Available', 'Available', 'Listed', 'In Repair'])).id,
          warehouseId: seller.warehouse(pick(['MAIN', 'OVF'])).id,
          batteryHealth: pick([null, 55, 79, 80, 85, 89, 90, 97, 100]),
          carrierLock: pick(['unlocked', 'locked', 'unknown'] as const),
          blacklistStatus: pick(['clean', 'clean', 'blacklisted', 'unknown'] as const),
          activationLock: pick(['off', 'off', 'on', 'unknown'] as const),
          functionalTest: pick([null, 'pass', 'pass', 'fail'] as const),
        })),
      );
    }
    // Some units are sold: committed units never count.
    const sold = await queryRows<{ id: number }>(database.db, sql`select id from devices where product_id = ${productIds[0]!} order by id limit 7`);
    await staffCommitDevices(database.db, seller, productIds[0]!, sold);
  });
  afterAll(() => database.close());

  /** The distribution of a product's available units, recounted from its devices in TypeScript. */
  async function recount(productId: number) {
    const { db } = database;
    const devices = await queryRows<Parameters<typeof countsForSale>[0]>(db, sql`
      select product_id, status_id, warehouse_id, order_line_id, battery_health, carrier_lock, blacklist_status,
        activation_lock, mdm_lock, frp_lock, functional_test from devices where product_id = ${productId}`);
    const [rules] = await queryRows<SellableRules>(db, sql`
      select hide_blacklisted as "hideBlacklisted", hide_unknown_blacklist as "hideUnknownBlacklist",
        hide_activation_locked as "hideActivationLocked", hide_failed_test as "hideFailedTest"
      from portal_settings where seller_id = ${seller.sellerId}`);
    const statuses = new Set((await queryRows<{ id: number }>(db, sql`select status_id as id from portal_for_sale_statuses where seller_id = ${seller.sellerId}`)).map((r) => r.id));
    const warehouses = new Set((await queryRows<{ id: number }>(db, sql`select warehouse_id as id from portal_for_sale_warehouses where seller_id = ${seller.sellerId}`)).map((r) => r.id));
    const cells = new Map<string, number>();
    for (const d of devices) {
      if (!countsForSale(d, { statuses, warehouses }, rules!)) continue;
      const key = `${batteryBand(d.battery_health)}|${d.carrier_lock}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    return cells;
  }

  const asMap = (cells: { band: string; lock: string; quantity: number }[]) => new Map(cells.map((c) => [`${c.band}|${c.lock}`, c.quantity]));
  const scope = () => ({ sellerId: seller.sellerId, organizationId: null });

  it('gives the available units per battery band and carrier lock, equal to a recount, under every sellable rule', async () => {
    const { db } = database;
    const ruleSets: Partial<SellableRules>[] = [
      {},
      { hideBlacklisted: true },
      { hideBlacklisted: true, hideUnknownBlacklist: true, hideActivationLocked: true },
      { hideFailedTest: true },
    ];
    let checked = 0;
    for (const rules of ruleSets) {
      await setPortalSettings(db, seller, { hideBlacklisted: false, hideUnknownBlacklist: false, hideActivationLocked: false, hideFailedTest: false, ...rules });
      for (const [i, id] of productIds.entries()) {
        const product = await forSaleProduct(db, { ...scope(), sku: `PP-${process.pid}-${i}` });
        const expected = await recount(id);
        const total = [...expected.values()].reduce((n, q) => n + q, 0);
        if (!total) {
          expect(product, JSON.stringify(rules)).toBeNull();
          continue;
        }
        expect(product!.id).toBe(id);
        expect(asMap(product!.cells), `${JSON.stringify(rules)} product ${i}`).toEqual(expected);
        expect(product!.available).toBe(total);
        checked++;
      }
      // Random condition changes move units between cells; the page follows at once.
      await db.execute(sql`update devices set battery_health = (id * 7) % 101, carrier_lock = (array['unlocked','locked','unknown'])[1 + id % 3]
        where seller_id = ${seller.sellerId} and id % 5 = ${checked % 5}`);
    }
    expect(checked).toBeGreaterThan(8);
  });

  it('is the row For Sale lists: same price, breaks, quantity and rules for the buyer', async () => {
    const { db } = database;
    await setPortalSettings(db, seller, { hideBlacklisted: false, hideUnknownBlacklist: false, hideActivationLocked: false, hideFailedTest: false });
    const buyer = await addBuyer(db, seller);
    const [list] = await db.insert(s.priceLists).values({ sellerId: seller.sellerId, name: `Partners ${process.pid}` }).returning();
    await db.insert(s.priceListPrices).values([
      { sellerId: seller.sellerId, priceListId: list!.id, productId: productIds[1]!, minQuantity: 1, unitPrice: 9000 },
      { sellerId: seller.sellerId, priceListId: list!.id, productId: productIds[1]!, minQuantity: 10, unitPrice: 8500 },
    ]);
    await db.update(s.organizations).set({ priceListId: list!.id }).where(eq(s.organizations.id, buyer.organization.id));
    await db.update(s.products).set({ minOrderQuantity: 4, orderIncrement: 2 }).where(eq(s.products.id, productIds[1]!));
    const sku = `PP-${process.pid}-1`;
    const mine = await forSaleProduct(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, sku: sku.toLowerCase() });
    expect(mine).toMatchObject({ id: productIds[1], price: 9000, listPrice: 10000, breaks: [{ min: 10, price: 8500 }], minOrderQuantity: 4, orderIncrement: 2 });
    const [row] = (await forSaleListing(db, { sellerId: seller.sellerId, organizationId: buyer.organization.id, view: parseForSaleView({ q: sku }) })).filter((r) => r.id === productIds[1]);
    const { cells, ...rest } = mine!;
    expect(cells.reduce((n, c) => n + c.quantity, 0)).toBe(rest.available);
    expect({ ...row, thumb: undefined, thumbAlt: undefined }).toEqual({ ...rest, thumb: undefined, thumbAlt: undefined });
    // Another organization without the list pays list prices.
    const other = await addBuyer(db, seller);
    expect((await forSaleProduct(db, { sellerId: seller.sellerId, organizationId: other.organization.id, sku }))!.price).toBe(10000);
  });

  it("finds nothing for another seller's SKU, an unknown SKU, an unavailable product or one hidden as unpriced", async () => {
    const { db } = database;
    const theirs = await addProduct(db, rival, { sku: `RIVAL-${process.pid}` });
    await addDevices(db, rival, theirs.id, 3);
    expect(await forSaleProduct(db, { sellerId: rival.sellerId, organizationId: null, sku: theirs.sku })).not.toBeNull();
    expect(await forSaleProduct(db, { ...scope(), sku: theirs.sku })).toBeNull();
    // A rival's organization does not price the seller's products either: its list is not joined.
    const rivalBuyer = await addBuyer(db, rival);
    expect((await forSaleProduct(db, { sellerId: seller.sellerId, organizationId: rivalBuyer.organization.id, sku: `PP-${process.pid}-1` }))!.price).toBe(10000);
    expect(await forSaleProduct(db, { ...scope(), sku: 'NO-SUCH-SKU' })).toBeNull();
    expect(await forSaleProduct(db, { ...scope(), sku: '%' })).toBeNull();
    const empty = await addProduct(db, seller, { sku: `EMPTY-${process.pid}` });
    await addDevices(db, seller, empty.id, 2, { status: 'In Repair' });
    expect(await forSaleProduct(db, { ...scope(), sku: empty.sku })).toBeNull();
    const unpriced = await addProduct(db, seller, { sku: `UNPRICED-${process.pid}`, listPrice: null });
    await addDevices(db, seller, unpriced.id, 2);
    expect((await forSaleProduct(db, { ...scope(), sku: unpriced.sku }))!.price).toBeNull();
    await setPortalSettings(db, seller, { hideUnpriced: true });
    expect(await forSaleProduct(db, { ...scope(), sku: unpriced.sku })).toBeNull();
    await setPortalSettings(db, seller, { hideUnpriced: false });
  });
});
