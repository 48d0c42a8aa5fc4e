import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { importDevices, validateDeviceImport, type DeviceImportRow } from '@/db/queries/inventory/import-devices';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, availableQuantity, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, deviceCount, freshImeis, outcomeOf, withBadCheckDigit } from '../support/inventory-fixtures';

describe('CSV import of devices', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: { staffUserId: number; name: string };
  let product: s.Product;
  const today = '2026-03-01';

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
    product = await addProduct(database.db, seller, { sku: 'IP13-128-PNK-B' });
  });
  afterAll(() => database.close());

  function row(n: number, values: Partial<DeviceImportRow>): DeviceImportRow {
    return { row: n, imei: '', serial: '', sku: 'IP13-128-PNK-B', warehouse: 'MAIN', status: 'Available', cost: '', received: '', ...values };
  }

  it('imports every row with its SKU, warehouse, status, cost and received date; availability rises', async () => {
    const { db } = database;
    const imeis = freshImeis(3);
    const outcome = await outcomeOf(importDevices(db, {
      sellerId: seller.sellerId,
      actor,
      currency: 'USD',
      today,
      rows: [
        row(2, { imei: imeis[0], cost: '199.50', received: '2026-02-14' }),
        // Codes, names and SKUs match regardless of case; spaces around cells are ignored.
        row(3, { imei: ` ${imeis[1]} `, sku: 'ip13-128-pnk-b', warehouse: 'ovf', status: 'listed' }),
        row(4, { imei: imeis[2], warehouse: 'RC', status: 'In Repair', cost: '1,000' }),
        row(5, { serial: 'SER-0001-AB' }),
      ],
    }));
    expect(outcome).toEqual({ ok: true, imported: 4, productsCreated: 0 });
    const rows = await db.select().from(s.devices).where(eq(s.devices.productId, product.id)).orderBy(s.devices.id);
    expect(rows.map((r) => [r.imei, r.serial, r.warehouseId, r.statusId, r.cost, r.receivedOn])).toEqual([
      [imeis[0], null, seller.warehouse('MAIN').id, seller.status('Available').id, 19950, '2026-02-14'],
      [imeis[1], null, seller.warehouse('OVF').id, seller.status('Listed').id, null, today],
      [imeis[2], null, seller.warehouse('RC').id, seller.status('In Repair').id, 100000, today],
      [null, 'SER-0001-AB', seller.warehouse('MAIN').id, seller.status('Available').id, null, today],
    ]);
    expect(await availableQuantity(db, product.id)).toBe(3);
    expect((await auditOf(db, seller.sellerId, 'devices.import')).at(-1)!.details).toEqual({ count: 4 });
  });

  it('reports each bad row with its row number and reasons, and imports nothing', async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const theirProduct = await addProduct(db, other, { sku: 'THEIRS-1' });
    const [known] = await addDevices(db, seller, product.id, 1);
    const [good, bad, dup] = freshImeis(3);
    const before = await deviceCount(db, seller.sellerId);
    const availableBefore = await availableQuantity(db, product.id);
    const outcome = await outcomeOf(importDevices(db, {
      sellerId: seller.sellerId,
      actor,
      currency: 'USD',
      today,
      rows: [
        row(2, { imei: good }),
        row(3, { imei: withBadCheckDigit(bad!) }),
        row(4, { imei: dup }),
        row(5, { imei: dup }),
        row(6, { imei: known!.imei! }),
        row(7, { imei: freshImeis(1)[0], sku: theirProduct.sku }),
        row(8, { imei: freshImeis(1)[0], warehouse: 'NOPE', status: 'Gone' }),
        row(9, { imei: freshImeis(1)[0], cost: 'twelve', received: '2026-02-30' }),
        row(10, { imei: freshImeis(1)[0], received: '2026-03-02' }),
        row(11, {}),
        row(12, { imei: '12345' }),
      ],
    }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toBe('9 rows have problems, so nothing was imported. Fix them and import the file again.');
    expect(outcome.problems!.map((p) => [p.line, p.reason])).toEqual([
      [3, 'IMEI: the last digit is not the Luhn check digit'],
      [5, 'IMEI repeats row 4'],
      [6, 'IMEI is already in your inventory'],
      [7, 'no product has SKU "THEIRS-1"'],
      [8, 'no warehouse has code "NOPE"; no inventory status is named "Gone"'],
      [9, 'cost "twelve" is not an amount; received date "2026-02-30" is not a date like 2025-01-31'],
      [10, 'received date is in the future'],
      [11, 'needs an IMEI or a serial number'],
      [12, 'IMEI: it has 5 digits; an IMEI has exactly 15 digits'],
    ]);
    expect(await deviceCount(db, seller.sellerId)).toBe(before);
    expect(await availableQuantity(db, product.id)).toBe(availableBefore);
    const [found] = await db.select().from(s.devices).where(eq(s.devices.imei, good!));
    expect(found).toBeUndefined();
  });

  it("does not see another seller's warehouse codes or statuses", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    await db.insert(s.warehouses).values({ sellerId: other.sellerId, name: 'Theirs only', code: 'ZZZ' });
    const { problems } = await validateDeviceImport(db, { sellerId: seller.sellerId, currency: 'USD', today, rows: [row(2, { imei: freshImeis(1)[0], warehouse: 'ZZZ' })] });
    expect(problems.map((p) => p.reason)).toEqual(['no warehouse has code "ZZZ"']);
  });

  it('validates in chunks the same way it imports: a clean chunk has no problems and writes nothing', async () => {
    const { db } = database;
    const before = await deviceCount(db, seller.sellerId);
    const { problems, resolved } = await validateDeviceImport(db, {
      sellerId: seller.sellerId,
      currency: 'USD',
      today,
      rows: freshImeis(3).map((imei, i) => row(i + 2, { imei })),
    });
    expect(problems).toEqual([]);
    expect(resolved).toHaveLength(3);
    expect(await deviceCount(db, seller.sellerId)).toBe(before);
  });
});
