import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { addPastedDevices, type AddPastedDevicesInput } from '@/db/queries/inventory/add-devices';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addProduct, availableQuantity, buildSeller, countedAvailableQuantity, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, deviceCount, freshImeis, outcomeOf, withBadCheckDigit } from '../support/inventory-fixtures';

describe('adding devices by pasting IMEIs or serial numbers', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let actor: { staffUserId: number; name: string };

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
  });
  afterAll(() => database.close());

  async function paste(text: string, overrides: Partial<AddPastedDevicesInput> = {}) {
    const product = overrides.productId ? { id: overrides.productId } : await addProduct(database.db, seller);
    const outcome = await outcomeOf(addPastedDevices(database.db, {
      sellerId: seller.sellerId,
      actor,
      kind: 'imei',
      text,
      productId: product.id,
      warehouseId: seller.warehouse('MAIN').id,
      statusId: seller.status('Available').id,
      cost: 12345,
      ...overrides,
    }));
    return { outcome, productId: product.id };
  }

  it('adds every pasted IMEI in one go, and the available quantity rises', async () => {
    const { db } = database;
    const imeis = freshImeis(5);
    const before = await deviceCount(db, seller.sellerId);
    // Scanners and spreadsheets: blank lines, tabs, commas and stray spaces are all fine.
    const { outcome, productId } = await paste(`${imeis[0]}\n\n  ${imeis[1]}\t${imeis[2]}\r\n${imeis[3]}, ${imeis[4]}\n`);
    expect(outcome).toEqual({ ok: true, added: 5 });
    expect(await deviceCount(db, seller.sellerId)).toBe(before + 5);
    expect(await availableQuantity(db, productId)).toBe(5);
    expect(await countedAvailableQuantity(db, productId)).toBe(5);
    const rows = await db.select().from(s.devices).where(eq(s.devices.productId, productId));
    expect(rows.map((r) => r.imei).sort()).toEqual([...imeis].sort());
    expect(rows.every((r) => r.cost === 12345 && r.serial === null && r.orderLineId === null)).toBe(true);
    const audit = await auditOf(db, seller.sellerId, 'devices.add');
    expect(audit.at(-1)!.details).toMatchObject({ count: 5, kind: 'imei', warehouse: 'MAIN', status: 'Available' });
    expect(audit.at(-1)!.actorStaffId).toBe(actor.staffUserId);
  });

  it('devices added outside the For Sale statuses or warehouses do not raise availability', async () => {
    const { outcome, productId } = await paste(freshImeis(3).join('\n'), { statusId: seller.status('Received').id });
    expect(outcome.ok).toBe(true);
    expect(await availableQuantity(database.db, productId)).toBe(0);
  });

  it('refuses a bad check digit, naming the line, and writes nothing', async () => {
    const { db } = database;
    const [a, b, c] = freshImeis(3);
    const before = await deviceCount(db, seller.sellerId);
    const auditBefore = (await auditOf(db, seller.sellerId, 'devices.add')).length;
    const { outcome, productId } = await paste([a, withBadCheckDigit(b!), c].join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { line: 2, value: withBadCheckDigit(b!), reason: 'the last digit is not the Luhn check digit' },
    ]);
    expect(outcome.message).toMatch(/nothing was added/i);
    expect(await deviceCount(db, seller.sellerId)).toBe(before);
    expect(await availableQuantity(db, productId)).toBe(0);
    expect((await auditOf(db, seller.sellerId, 'devices.add')).length).toBe(auditBefore);
  });

  it('refuses wrong lengths and non-digits with the line', async () => {
    const [a] = freshImeis(1);
    const { outcome } = await paste([a, a!.slice(0, 14), `${a}1`, 'ABC123456789012'].join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { line: 2, value: a!.slice(0, 14), reason: 'it has 14 digits; an IMEI has exactly 15 digits' },
      { line: 3, value: `${a}1`, reason: 'it has 16 digits; an IMEI has exactly 15 digits' },
      { line: 4, value: 'ABC123456789012', reason: 'an IMEI has exactly 15 digits' },
    ]);
    // The good first line was not written either.
    const [found] = await database.db.select().from(s.devices).where(eq(s.devices.imei, a!));
    expect(found).toBeUndefined();
  });

  it('refuses an IMEI repeated within the paste, naming both lines', async () => {
    const [a, b] = freshImeis(2);
    const { outcome } = await paste([a, b, '', a].join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([{ line: 4, value: a, reason: 'repeats line 1' }]);
    const [found] = await database.db.select().from(s.devices).where(eq(s.devices.imei, b!));
    expect(found).toBeUndefined();
  });

  it('refuses IMEIs this seller already has, and reports every problem at once', async () => {
    const { db } = database;
    const product = await addProduct(db, seller);
    const [existing] = await addDevices(db, seller, product.id, 1);
    const [fresh, other] = freshImeis(2);
    const before = await deviceCount(db, seller.sellerId);
    const { outcome } = await paste([fresh, existing!.imei, withBadCheckDigit(other!), fresh].join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      { line: 2, value: existing!.imei, reason: 'already in your inventory' },
      { line: 3, value: withBadCheckDigit(other!), reason: 'the last digit is not the Luhn check digit' },
      { line: 4, value: fresh, reason: 'repeats line 1' },
    ]);
    expect(outcome.message).toBe('3 lines were refused, so nothing was added. Fix or remove them and add again.');
    expect(await deviceCount(db, seller.sellerId)).toBe(before);
  });

  it("accepts an IMEI that only another seller has (IMEIs are unique per seller)", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const otherProduct = await addProduct(db, other);
    const [theirs] = await addDevices(db, other, otherProduct.id, 1);
    const { outcome } = await paste(theirs!.imei!);
    expect(outcome).toEqual({ ok: true, added: 1 });
  });

  it("refuses another seller's product, warehouse or status and writes nothing", async () => {
    const { db } = database;
    const other = await buildSeller(db);
    const otherProduct = await addProduct(db, other);
    const before = await deviceCount(db, seller.sellerId);
    const imeis = freshImeis(2).join('\n');
    for (const overrides of [
      { productId: otherProduct.id },
      { warehouseId: other.warehouse('MAIN').id },
      { statusId: other.status('Available').id },
    ]) {
      const { outcome } = await paste(imeis, overrides);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(Object.keys(outcome.fieldErrors ?? {})).toEqual([Object.keys(overrides)[0]]);
    }
    expect(await deviceCount(db, seller.sellerId)).toBe(before);
    expect(await deviceCount(db, other.sellerId)).toBe(0);
  });

  it('refuses an empty paste', async () => {
    const { outcome } = await paste(' \n\n ');
    expect(outcome.ok).toBe(false);
  });

  it('adds serial numbers, unique per seller regardless of case', async () => {
    const { db } = database;
    const { outcome, productId } = await paste('SN-TAB-0001\nsn-tab-0002', { kind: 'serial' });
    expect(outcome).toEqual({ ok: true, added: 2 });
    const rows = await db.select().from(s.devices).where(eq(s.devices.productId, productId));
    expect(rows.map((r) => [r.serial, r.imei])).toEqual([
      ['SN-TAB-0001', null],
      ['sn-tab-0002', null],
    ]);
    const again = await paste('sn-tab-0001\nSN-TAB-0003\nSN-TAB-0003\nx!', { kind: 'serial' });
    expect(again.outcome.ok).toBe(false);
    if (again.outcome.ok) return;
    expect(again.outcome.problems!.map((p) => [p.line, p.reason])).toEqual([
      [1, 'already in your inventory'],
      [3, 'repeats line 2'],
      [4, 'a serial number has 3 to 40 letters, digits or . _ / - and starts with a letter or digit'],
    ]);
  });

  it('adds a paste of 5,000 IMEIs, and refuses the same paste again line by line', async () => {
    const { db } = database;
    const imeis = freshImeis(5000);
    const { outcome, productId } = await paste(imeis.join('\n'));
    expect(outcome).toEqual({ ok: true, added: 5000 });
    expect(await availableQuantity(db, productId)).toBe(5000);
    // Pasting the same list again names every line as already known.
    const again = await paste(imeis.join('\n'), { productId });
    expect(again.outcome.ok).toBe(false);
    if (again.outcome.ok) return;
    expect(again.outcome.problems).toHaveLength(5000);
    expect(again.outcome.problems![4999]).toEqual({ line: 5000, value: imeis[4999], reason: 'already in your inventory' });
  });
});
