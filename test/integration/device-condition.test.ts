import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as s from '@/db/schema';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { deviceConditionHistory, findDeviceDetail } from '@/db/queries/inventory/device-detail';
import { updateDeviceCondition } from '@/db/queries/inventory/update-device-condition';
import {
  importDeviceCondition,
  importStagedDeviceCondition,
  stageDeviceConditionChunk,
} from '@/db/queries/inventory/import-device-condition';
import { applyConditionPaste, previewConditionPaste } from '@/db/queries/inventory/paste-device-condition';
import { commitDevicesToOrder } from '@/db/queries/orders/commit-devices';
import { uncommitDevices } from '@/db/queries/orders/uncommit-devices';
import { listPurchasedDevices, purchasedDevicesForExport } from '@/db/queries/portal/devices/list-purchased-devices';
import { customerOrderDevices } from '@/db/queries/portal/orders/find-order';
import { untestedCondition, type DeviceCondition } from '@/lib/device-condition';
import { cellsOfRow, mapConditionHeaders, type ConditionCells } from '@/lib/inventory/diagnostics-csv';
import { sequentialImei } from '@/lib/imei';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { addDevices, addOrganization, addProduct, buildSeller, type SellerFixture } from '../support/fixtures';
import { addStaff, auditOf, outcomeOf } from '../support/inventory-fixtures';
import { addOrder } from '../support/orders-fixtures';

/** Counts the statements a function sends, inside transactions too. */
function countingDb(db: DbOrTx) {
  const counter = { statements: 0 };
  const wrap = (target: DbOrTx): DbOrTx =>
    new Proxy(target, {
      get(t, prop, receiver) {
        const value = Reflect.get(t, prop, receiver);
        if (typeof value !== 'function') return value;
        if (prop === 'transaction') {
          return (fn: (tx: DbOrTx) => unknown) => (value as (f: (tx: DbOrTx) => unknown) => unknown).call(t, (tx: DbOrTx) => fn(wrap(tx)));
        }
        if (['execute', 'select', 'insert', 'update', 'delete'].includes(String(prop))) {
          return (...args: unknown[]) => {
            counter.statements++;
            return (value as (...a: unknown[]) => unknown).apply(t, args);
          };
        }
        return value.bind(t);
      },
    });
  return { db: wrap(db), counter };
}

const condition = (values: Partial<DeviceCondition>): DeviceCondition => ({ ...untestedCondition, ...values });

describe('device condition data', () => {
  let database: TestDatabase;
  let seller: SellerFixture;
  let other: SellerFixture;
  let actor: { staffUserId: number; name: string };
  let product: s.Product;

  beforeAll(async () => {
    database = await createTestDatabase(inject('testDbTemplate'));
    seller = await buildSeller(database.db);
    other = await buildSeller(database.db);
    actor = await addStaff(database.db, seller);
    product = await addProduct(database.db, seller);
  });
  afterAll(() => database.close());

  const deviceRow = async (id: number) => (await database.db.select().from(s.devices).where(eq(s.devices.id, id)))[0]!;

  it('edits a device condition from its page, audited old → new; another seller cannot see or edit it', async () => {
    const { db } = database;
    const [device] = await addDevices(db, seller, product.id, 1);
    const testedAt = new Date('2026-11-20T12:00:00Z');
    const edited = condition({
      batteryHealth: 91, batteryCycles: 240, carrierLock: 'locked', carrier: 'AT&T', blacklistStatus: 'clean',
      activationLock: 'off', mdmLock: 'off', frpLock: 'off', functionalTest: 'fail', failedChecks: ['Face ID'],
      cosmeticNotes: 'Light scratch on the back', testedAt, testSource: 'Phonecheck',
    });
    expect(await updateDeviceCondition(db, { sellerId: seller.sellerId, deviceId: device!.id, actor, condition: edited })).toEqual({
      changed: expect.arrayContaining(['batteryHealth', 'carrierLock', 'carrier', 'failedChecks', 'testedAt']),
    });
    const detail = await findDeviceDetail(db, { sellerId: seller.sellerId, deviceId: device!.id });
    expect(detail!.condition).toEqual(edited);
    expect(detail!.soldCondition).toBeNull();

    // Saving the same values again changes nothing and records nothing.
    expect((await updateDeviceCondition(db, { sellerId: seller.sellerId, deviceId: device!.id, actor, condition: edited })).changed).toEqual([]);
    const entries = await auditOf(db, seller.sellerId, 'device.condition');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.entityId).toBe(device!.id);
    const changes = (entries[0]!.details as { changes: Record<string, { from: unknown; to: unknown }> }).changes;
    expect(changes.batteryHealth).toEqual({ from: null, to: 91 });
    expect(changes.carrier).toEqual({ from: null, to: 'AT&T' });
    expect(changes.failedChecks).toEqual({ from: [], to: ['Face ID'] });

    // Another seller: not found, nothing changes.
    expect(await findDeviceDetail(db, { sellerId: other.sellerId, deviceId: device!.id })).toBeNull();
    const outcome = await outcomeOf(
      updateDeviceCondition(db, { sellerId: other.sellerId, deviceId: device!.id, actor, condition: condition({ batteryHealth: 10 }) }),
    );
    expect(outcome).toMatchObject({ ok: false, message: 'That device is not in your inventory.' });
    expect((await deviceRow(device!.id)).batteryHealth).toBe(91);
    expect(await deviceConditionHistory(db, { sellerId: other.sellerId, deviceId: device!.id })).toEqual([]);
    expect((await deviceConditionHistory(db, { sellerId: seller.sellerId, deviceId: device!.id })).map((e) => e.action)).toEqual(['device.condition']);
  });

  it('imports a diagnostics CSV: headers mapped, values normalized, each device audited before → after', async () => {
    const { db } = database;
    const devices = await addDevices(db, seller, product.id, 3);
    const [a, b, c] = devices.map((d) => d.imei!);
    const headers = ['IMEI', 'BatteryHealth %', 'Cycle Count', 'SIM Lock', 'Carrier', 'ESN Status', 'Find My iPhone', 'MDM', 'FRP', 'Test Result', 'Failed Tests', 'Grade Notes', 'Test Date', 'Tool', 'Color'];
    const mapping = mapConditionHeaders(headers);
    expect(mapping).toEqual(['imei', 'batteryHealth', 'batteryCycles', 'carrierLock', 'carrier', 'blacklistStatus', 'activationLock', 'mdmLock', 'frpLock', 'functionalTest', 'failedChecks', 'cosmeticNotes', 'testedAt', 'testSource', null]);
    const lines = [
      [a!, '87%', '512', 'Locked', 'AT&T', 'Clean', 'Off', 'No', 'Off', 'Fail', 'Face ID; Rear camera', 'Scuffed corners', '11/03/2026', 'Phonecheck', 'Black'],
      [b!, '100', '3', 'Unlocked', 'Verizon', 'Lost', 'On', 'Yes', 'Unknown', 'Pass', '', '', '2026-11-04 10:15', 'NSYS', 'Blue'],
      [c!, '', '', 'Locked to T-Mobile', '', 'Blocked', '', '', '', '', '', '', '', '', ''],
    ];
    const rows = lines.map((values, i) => cellsOfRow(i + 2, values, mapping));
    const outcome = await importDeviceCondition(db, { sellerId: seller.sellerId, actor, rows, now: new Date('2026-12-01T00:00:00Z') });
    expect(outcome).toEqual({ updated: 3, changed: 3 });
    const [ra, rb, rc] = (await Promise.all(devices.map((d) => deviceRow(d.id)))) as [s.Device, s.Device, s.Device];
    expect(ra).toMatchObject({ batteryHealth: 87, batteryCycles: 512, carrierLock: 'locked', carrier: 'AT&T', blacklistStatus: 'clean', activationLock: 'off', mdmLock: 'off', frpLock: 'off', functionalTest: 'fail', failedChecks: ['Face ID', 'Rear camera'], cosmeticNotes: 'Scuffed corners', testSource: 'Phonecheck' });
    expect(ra.testedAt?.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    // "Unlocked" clears the carrier column's value: an unlocked phone is locked to nobody.
    expect(rb).toMatchObject({ batteryHealth: 100, carrierLock: 'unlocked', carrier: null, blacklistStatus: 'blacklisted', activationLock: 'on', mdmLock: 'on', frpLock: 'unknown', functionalTest: 'pass', failedChecks: [] });
    expect(rb.testedAt?.toISOString()).toBe('2026-11-04T10:15:00.000Z');
    // Empty cells leave what the device had.
    expect(rc).toMatchObject({ batteryHealth: null, carrierLock: 'locked', carrier: 'T-Mobile', blacklistStatus: 'blacklisted', activationLock: 'unknown', functionalTest: null });

    const [entry] = (await auditOf(db, seller.sellerId, 'devices.condition_import')).slice(-1);
    const details = entry!.details as { count: number; changed: number; devices: { id: number; identifier: string; before: Record<string, unknown>; after: Record<string, unknown> }[] };
    expect(details.count).toBe(3);
    const ofA = details.devices.find((d) => d.id === devices[0]!.id)!;
    expect(ofA.identifier).toBe(a);
    expect(ofA.before).toMatchObject({ batteryHealth: null, carrierLock: 'unknown' });
    expect(ofA.after).toMatchObject({ batteryHealth: 87, carrierLock: 'locked', carrier: 'AT&T' });
    // Only the values that changed are recorded.
    expect(Object.keys(details.devices.find((d) => d.id === devices[2]!.id)!.after).sort()).toEqual(['blacklistStatus', 'carrier', 'carrierLock']);
    expect((await deviceConditionHistory(db, { sellerId: seller.sellerId, deviceId: devices[1]!.id }))[0]).toMatchObject({ action: 'devices.condition_import' });
  });

  it('refuses unknown, other-seller, malformed, out-of-range and repeated rows, and imports nothing', async () => {
    const { db } = database;
    const [mine, second] = await addDevices(db, seller, product.id, 2);
    const theirProduct = await addProduct(db, other);
    const [theirs] = await addDevices(db, other, theirProduct.id, 1);
    const cells = (row: number, values: Partial<ConditionCells>): ConditionCells => ({ row, ...values });
    const rows = [
      cells(2, { imei: mine!.imei!, batteryHealth: '95%' }),
      cells(3, { imei: theirs!.imei!, batteryHealth: '90' }),
      cells(4, { imei: sequentialImei(777_123, '35'), batteryHealth: '90' }),
      cells(5, { imei: '12345', batteryHealth: '90' }),
      cells(6, { imei: second!.imei!, batteryHealth: '120%', batteryCycles: 'lots', blacklistStatus: 'maybe', testedAt: '2026-02-30' }),
      cells(7, { imei: mine!.imei!, batteryHealth: '80' }),
      cells(8, { imei: second!.imei!, functionalTest: 'Pass', failedChecks: 'Face ID' }),
      cells(9, { serial: 'NO-SUCH-SERIAL', batteryHealth: '90' }),
      cells(10, { serial: 'SER-NOTHING-1' }),
    ];
    const outcome = await outcomeOf(importDeviceCondition(db, { sellerId: seller.sellerId, actor, rows }));
    expect(outcome.ok).toBe(false);
    const problems = (outcome as { problems?: { line: number | null; reason: string }[] }).problems ?? [];
    const reasonOf = (line: number) => problems.find((p) => p.line === line)?.reason ?? '';
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    // Another seller's IMEI reads exactly like an unknown one.
    expect(reasonOf(3)).toBe('no device with this IMEI in your inventory');
    expect(reasonOf(4)).toBe('no device with this IMEI in your inventory');
    expect(reasonOf(5)).toMatch(/^IMEI: /);
    expect(reasonOf(6)).toMatch(/battery health "120%" is not a percentage/);
    expect(reasonOf(6)).toMatch(/cycle count "lots"/);
    expect(reasonOf(6)).toMatch(/blacklist "maybe"/);
    expect(reasonOf(6)).toMatch(/test date "2026-02-30"/);
    expect(reasonOf(7)).toBe('the same device as row 2');
    expect(reasonOf(8)).toMatch(/passed but failed checks are listed/);
    expect(reasonOf(9)).toBe('no device with this serial number in your inventory');
    expect(reasonOf(10)).toBe('no device with this serial number in your inventory; has no condition values to set');
    // All or nothing: row 2 was fine but nothing changed, for either seller.
    expect((await deviceRow(mine!.id)).batteryHealth).toBeNull();
    expect((await deviceRow(theirs!.id)).batteryHealth).toBeNull();
  });

  it('imports a file sent in chunks in one transaction, and only for the staff user who sent it', async () => {
    const { db } = database;
    const devices = await addDevices(db, seller, product.id, 5);
    const uploadKey = 'test-upload-0001';
    const first = await stageDeviceConditionChunk(db, { sellerId: seller.sellerId, actor, uploadKey, position: 0, rows: devices.slice(0, 3).map((d, i) => ({ row: i + 2, imei: d.imei!, batteryHealth: '93' })) });
    const second = await stageDeviceConditionChunk(db, { sellerId: seller.sellerId, actor, uploadKey, position: 1, rows: devices.slice(3).map((d, i) => ({ row: i + 5, imei: d.imei!, batteryHealth: '94' })) });
    expect([first, second]).toEqual([{ problems: [], matched: 3 }, { problems: [], matched: 2 }]);
    expect((await deviceRow(devices[0]!.id)).batteryHealth).toBeNull();
    // Someone else (another staff user, or another seller's) cannot import this upload.
    const stranger = await addStaff(db, seller);
    expect(await outcomeOf(importStagedDeviceCondition(db, { sellerId: seller.sellerId, actor: stranger, uploadKey, chunks: 2 }))).toMatchObject({ ok: false, message: expect.stringMatching(/no longer ready to import/) });
    expect(await outcomeOf(importStagedDeviceCondition(db, { sellerId: other.sellerId, actor, uploadKey, chunks: 2 }))).toMatchObject({ ok: false, message: expect.stringMatching(/no longer ready to import/) });
    expect(await importStagedDeviceCondition(db, { sellerId: seller.sellerId, actor, uploadKey, chunks: 2 })).toEqual({ updated: 5, changed: 5 });
    expect((await Promise.all(devices.map((d) => deviceRow(d.id)))).map((d) => d.batteryHealth)).toEqual([93, 93, 93, 94, 94]);
    // The chunks are gone: importing again is refused.
    expect(await outcomeOf(importStagedDeviceCondition(db, { sellerId: seller.sellerId, actor, uploadKey, chunks: 2 }))).toMatchObject({ ok: false, message: expect.stringMatching(/no longer ready to import/) });
  });

  it('a repeat across chunks refuses the whole file', async () => {
    const { db } = database;
    const [d] = await addDevices(db, seller, product.id, 1);
    const uploadKey = 'test-upload-0002';
    await stageDeviceConditionChunk(db, { sellerId: seller.sellerId, actor, uploadKey, position: 0, rows: [{ row: 2, imei: d!.imei!, batteryHealth: '80' }] });
    await stageDeviceConditionChunk(db, { sellerId: seller.sellerId, actor, uploadKey, position: 1, rows: [{ row: 3, imei: d!.imei!, batteryHealth: '81' }] });
    const outcome = await outcomeOf(importStagedDeviceCondition(db, { sellerId: seller.sellerId, actor, uploadKey, chunks: 2 }));
    expect(outcome).toMatchObject({ ok: false, problems: [{ line: 3, reason: 'the same device as row 2' }] });
    expect((await deviceRow(d!.id)).batteryHealth).toBeNull();
  });

  it('pastes IMEIs to set chosen values on all of them: preview, refusals, one transaction, audited', async () => {
    const { db } = database;
    const devices = await addDevices(db, seller, product.id, 4);
    const theirProduct = await addProduct(db, other);
    const [theirs] = await addDevices(db, other, theirProduct.id, 1);
    await updateDeviceCondition(db, { sellerId: seller.sellerId, deviceId: devices[0]!.id, actor, condition: condition({ batteryHealth: 70, cosmeticNotes: 'Keep me' }) });
    const good = devices.map((d) => d.imei!).join('\n');
    expect(await previewConditionPaste(db, { sellerId: seller.sellerId, text: good })).toEqual({ matched: 4, problems: [] });
    const bad = `${good}\n${theirs!.imei}\n${devices[0]!.imei}\n123`;
    const preview = await previewConditionPaste(db, { sellerId: seller.sellerId, text: bad });
    expect(preview.matched).toBe(4);
    expect(preview.problems.map((p) => [p.line, p.reason])).toEqual([
      [5, 'no device with this IMEI in your inventory'],
      [6, 'the same device as line 1'],
      [7, expect.stringMatching(/^not a valid IMEI/)],
    ]);
    const values = { blacklistStatus: 'clean', batteryHealth: 95, functionalTest: 'pass', failedChecks: [] } as const;
    expect(await outcomeOf(applyConditionPaste(db, { sellerId: seller.sellerId, actor, text: bad, values: { ...values, failedChecks: [] } }))).toMatchObject({ ok: false });
    expect((await deviceRow(devices[1]!.id)).batteryHealth).toBeNull();
    expect((await deviceRow(theirs!.id)).blacklistStatus).toBe('unknown');

    expect(await applyConditionPaste(db, { sellerId: seller.sellerId, actor, text: good, values: { ...values, failedChecks: [] } })).toEqual({ updated: 4, changed: 4 });
    const after = await Promise.all(devices.map((d) => deviceRow(d.id)));
    expect(after.map((d) => [d.blacklistStatus, d.batteryHealth, d.functionalTest])).toEqual(Array(4).fill(['clean', 95, 'pass']));
    // Values not chosen stay as they were.
    expect(after[0]!.cosmeticNotes).toBe('Keep me');
    const [entry] = (await auditOf(db, seller.sellerId, 'devices.condition_paste')).slice(-1);
    expect(entry!.details).toMatchObject({ count: 4, changed: 4, fields: ['batteryHealth', 'blacklistStatus', 'functionalTest', 'failedChecks'] });
    expect((entry!.details as { devices: { id: number; before: object }[] }).devices.find((d) => d.id === devices[0]!.id)!.before).toMatchObject({ batteryHealth: 70 });
  });

  it('snapshots the condition at commit: later edits do not reach the buyer; uncommit clears it', async () => {
    const { db } = database;
    const org = await addOrganization(db, seller);
    const devices = await addDevices(db, seller, product.id, 2);
    await applyConditionPaste(db, {
      sellerId: seller.sellerId, actor, text: devices.map((d) => d.imei).join('\n'),
      values: { batteryHealth: 88, carrierLock: 'locked', carrier: 'Verizon', blacklistStatus: 'clean', functionalTest: 'pass', failedChecks: [] },
    });
    const { order } = await addOrder(db, seller, org.id, [{ productId: product.id, quantity: 2 }], { status: 'Confirmed' });
    await commitDevicesToOrder(db, { sellerId: seller.sellerId, orderNumber: order.number, text: devices.map((d) => d.imei).join('\n'), actor });
    expect((await deviceRow(devices[0]!.id)).soldCondition).toMatchObject({ batteryHealth: 88, carrierLock: 'locked', carrier: 'Verizon' });

    // Staff edit the condition after the sale: the device changes, what was sold does not.
    await updateDeviceCondition(db, { sellerId: seller.sellerId, deviceId: devices[0]!.id, actor, condition: condition({ batteryHealth: 60, blacklistStatus: 'blacklisted' }) });
    await importDeviceCondition(db, { sellerId: seller.sellerId, actor, rows: [{ row: 2, imei: devices[1]!.imei!, batteryHealth: '50' }] });
    const scope = { sellerId: seller.sellerId, organizationId: org.id };
    const { rows } = await listPurchasedDevices(db, { ...scope, page: 1, pageSize: 50 });
    expect(rows.map((r) => [r.imei, r.soldCondition?.batteryHealth, r.soldCondition?.carrier, r.soldCondition?.blacklistStatus]).sort()).toEqual(
      devices.map((d) => [d.imei, 88, 'Verizon', 'clean']).sort(),
    );
    // The filtered page (one statement with json_agg) reads the snapshot the same way.
    const searched = await listPurchasedDevices(db, { ...scope, page: 1, pageSize: 50, search: devices[0]!.imei!.slice(-6) });
    expect(searched.rows[0]!.soldCondition).toMatchObject({ batteryHealth: 88, functionalTest: 'pass' });
    const exported: unknown[] = [];
    for await (const batch of purchasedDevicesForExport(db, scope)) exported.push(...batch.map((d) => d.soldCondition?.batteryHealth));
    expect(exported).toEqual([88, 88]);
    const orderDevices = await customerOrderDevices(db, { ...scope, number: order.number });
    expect(orderDevices.map((d) => (d.soldCondition as { batteryHealth: number }).batteryHealth)).toEqual([88, 88]);
    expect((await findDeviceDetail(db, { sellerId: seller.sellerId, deviceId: devices[0]!.id }))!.soldCondition).toMatchObject({ batteryHealth: 88 });

    await uncommitDevices(db, { sellerId: seller.sellerId, orderNumber: order.number, actor, deviceId: devices[0]!.id });
    expect((await deviceRow(devices[0]!.id)).soldCondition).toBeNull();
    expect((await deviceRow(devices[1]!.id)).soldCondition).toMatchObject({ batteryHealth: 88 });
  });

  it('imports 20,000 rows with the same number of statements as 10 rows', async () => {
    const { db } = database;
    const small = await addDevices(db, seller, product.id, 10);
    // 20,000 devices in one statement, with IMEIs of their own.
    const statusId = seller.status('Available').id;
    const warehouseId = seller.warehouse('MAIN').id;
    const imeis = Array.from({ length: 20_000 }, (_, i) => sequentialImei(5_000_000 + i + (process.pid % 1000) * 100_000, '53'));
    await db.execute(sql`insert into devices (seller_id, imei, product_id, status_id, warehouse_id)
      select ${seller.sellerId}, imei, ${product.id}, ${statusId}, ${warehouseId} from unnest(${`{${imeis.join(',')}}`}::text[]) as imei`);
    const statements = async (imeiList: string[]) => {
      const { db: counted, counter } = countingDb(db);
      const outcome = await importDeviceCondition(counted, {
        sellerId: seller.sellerId,
        actor,
        rows: imeiList.map((imei, i) => ({ row: i + 2, imei, batteryHealth: `${80 + (i % 20)}%`, blacklistStatus: 'Clean', testSource: 'Phonecheck' })),
      });
      return { outcome, statements: counter.statements };
    };
    const few = await statements(small.map((d) => d.imei!));
    const many = await statements(imeis);
    expect(few.outcome.updated).toBe(10);
    expect(many.outcome.updated).toBe(20_000);
    expect(many.statements).toBe(few.statements);
    const [counts] = await queryRows<{ n: number }>(db, sql`
      select count(*)::int as n
      from devices where seller_id = ${seller.sellerId} and imei = any(${`{${imeis.join(',')}}`}::text[]) and blacklist_status = 'clean'
        and battery_health between 80 and 99 and test_source = 'Phonecheck'`);
    expect(Number(counts!.n)).toBe(20_000);
    const [entry] = (await auditOf(db, seller.sellerId, 'devices.condition_import')).slice(-1);
    expect((entry!.details as { count: number; devices: unknown[] }).devices).toHaveLength(20_000);
  }, 120_000);
});
