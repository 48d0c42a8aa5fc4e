import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { bigintArray, dateArray, intArray, textArray } from '@/db/sql-arrays';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { moneyLimitText, readMoney } from '@/lib/money';
import { imeiReason, MAX_DEVICES_PER_BATCH, serialProblem } from '@/lib/inventory/identifiers';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { isUniqueViolation } from '@/db/errors';
import { findKnownIdentifiers } from './known-identifiers';

/** One row of an inventory CSV as read (all text); `row` is its spreadsheet row number. */
export type DeviceImportRow = {
  row: number;
  imei: string;
  serial: string;
  sku: string;
  warehouse: string;
  status: string;
  cost: string;
  received: string;
};

type ResolvedRow = {
  imei: string | null;
  serial: string | null;
  productId: number;
  warehouseId: number;
  statusId: number;
  cost: number | null;
  receivedOn: string;
};

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A row with every cell trimmed. */
type CleanRow = DeviceImportRow;

/** The seller's products (by SKU), warehouses (by code) and statuses (by name) the rows name, keyed in lower case. */
type ImportLookups = { productByKey: Map<string, number>; warehouseByKey: Map<string, number>; statusByKey: Map<string, number> };

async function loadImportLookups(db: DbOrTx, params: { sellerId: number; rows: readonly CleanRow[] }): Promise<ImportLookups> {
  const { sellerId } = params;
  const skus = [...new Set(params.rows.map((r) => r.sku.toLowerCase()).filter(Boolean))];
  const [productRows, warehouseRows, statusRows] = await Promise.all([
    skus.length
      ? queryRows<{ id: number; key: string }>(db, sql`
          select id, lower(sku) as key from products
          where seller_id = ${sellerId} and lower(sku) = any(${textArray(skus)})`)
      : Promise.resolve([]),
    queryRows<{ id: number; key: string }>(db, sql`select id, lower(code) as key from warehouses where seller_id = ${sellerId}`),
    queryRows<{ id: number; key: string }>(db, sql`select id, lower(name) as key from inventory_statuses where seller_id = ${sellerId}`),
  ]);
  return {
    productByKey: new Map(productRows.map((r) => [r.key, r.id])),
    warehouseByKey: new Map(warehouseRows.map((r) => [r.key, r.id])),
    statusByKey: new Map(statusRows.map((r) => [r.key, r.id])),
  };
}

/** The first row of each IMEI and serial number (lower case) in the file, to find repeats. */
type FirstRows = { imei: Map<string, number>; serial: Map<string, number> };

/** The identifier checks of one row: format, and repeats of an earlier row (recorded in `first`). */
function identifierReasons(r: CleanRow, first: FirstRows): string[] {
  const reasons: string[] = [];
  if (!r.imei && !r.serial) reasons.push('needs an IMEI or a serial number');
  if (r.imei) {
    const reason = imeiReason(r.imei);
    if (reason) reasons.push(`IMEI: ${reason}`);
    else if (first.imei.has(r.imei)) reasons.push(`IMEI repeats row ${first.imei.get(r.imei)}`);
    else first.imei.set(r.imei, r.row);
  }
  if (r.serial) {
    const reason = serialProblem(r.serial);
    const key = r.serial.toLowerCase();
    if (reason) reasons.push(`serial: ${reason}`);
    else if (first.serial.has(key)) reasons.push(`serial number repeats row ${first.serial.get(key)}`);
    else first.serial.set(key, r.row);
  }
  return reasons;
}

/** Checks one row's SKU, warehouse, status, cost and date; the reasons, or the row ready to insert. */
function resolveRow(
  r: CleanRow,
  context: ImportLookups & { currency: string; today: string; reasons: string[] },
): ResolvedRow | null {
  const { reasons } = context;
  const productId = context.productByKey.get(r.sku.toLowerCase());
  if (!r.sku) reasons.push('SKU is empty');
  else if (!productId) reasons.push(`no product has SKU "${r.sku}"`);
  const warehouseId = context.warehouseByKey.get(r.warehouse.toLowerCase());
  if (!r.warehouse) reasons.push('warehouse code is empty');
  else if (!warehouseId) reasons.push(`no warehouse has code "${r.warehouse}"`);
  const statusId = context.statusByKey.get(r.status.toLowerCase());
  if (!r.status) reasons.push('status is empty');
  else if (!statusId) reasons.push(`no inventory status is named "${r.status}"`);
  const costReading = r.cost ? readMoney(r.cost, context.currency) : null;
  if (costReading && !costReading.ok) {
    reasons.push(
      costReading.problem === 'too_large'
        ? `cost "${r.cost}" is too large: amounts are ${moneyLimitText(context.currency)}`
        : `cost "${r.cost}" is not an amount`,
    );
  }
  const cost = costReading?.ok ? costReading.minor : null;
  const receivedOn = r.received || context.today;
  if (!isCalendarDate(receivedOn)) reasons.push(`received date "${r.received}" is not a date like 2025-01-31`);
  else if (receivedOn > context.today) reasons.push('received date is in the future');
  if (reasons.length) return null;
  return { imei: r.imei || null, serial: r.serial || null, productId: productId!, warehouseId: warehouseId!, statusId: statusId!, cost, receivedOn };
}

/**
 * Checks every row against this seller's data: identifier format, repeats
 * within the rows, IMEIs/serials already in inventory, SKU, warehouse code,
 * status name, cost and received date. A row may have several problems; each
 * is reported. A constant number of queries whatever the number of rows.
 */
export async function validateDeviceImport(
  db: DbOrTx,
  params: { sellerId: number; currency: string; rows: readonly DeviceImportRow[]; today?: string },
): Promise<{ problems: LineProblem[]; resolved: ResolvedRow[] }> {
  const { sellerId } = params;
  const today = params.today ?? new Date().toISOString().slice(0, 10);
  const clean: CleanRow[] = params.rows.map((r) => ({
    row: r.row,
    imei: r.imei.trim(),
    serial: r.serial.trim(),
    sku: r.sku.trim(),
    warehouse: r.warehouse.trim(),
    status: r.status.trim(),
    cost: r.cost.trim(),
    received: r.received.trim(),
  }));
  const lookups = await loadImportLookups(db, { sellerId, rows: clean });

  const problems: LineProblem[] = [];
  const first: FirstRows = { imei: new Map(), serial: new Map() };
  const resolved: ResolvedRow[] = [];
  for (const r of clean) {
    const reasons = identifierReasons(r, first);
    const row = resolveRow(r, { ...lookups, currency: params.currency, today, reasons });
    if (row) resolved.push(row);
    else problems.push({ line: r.row, value: r.imei || r.serial || '(no IMEI or serial)', reason: reasons.join('; ') });
  }

  const known = await findKnownIdentifiers(db, { sellerId, imeis: [...first.imei.keys()], serials: [...first.serial.keys()] });
  for (const [imei, row] of first.imei) {
    if (known.imeis.has(imei)) problems.push({ line: row, value: imei, reason: 'IMEI is already in your inventory' });
  }
  for (const [serial, row] of first.serial) {
    if (known.serials.has(serial)) {
      const original = clean.find((r) => r.row === row)?.serial ?? serial;
      problems.push({ line: row, value: original, reason: 'serial number is already in your inventory' });
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { problems, resolved };
}

/**
 * Imports the rows all or nothing: validates every row again inside one
 * transaction and inserts them with one statement only when none has a problem.
 */
export async function importDevices(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; currency: string; rows: readonly DeviceImportRow[]; today?: string },
): Promise<{ imported: number }> {
  if (!params.rows.length) throw new Refusal('The file has no device rows.', { code: 'empty' });
  if (params.rows.length > MAX_DEVICES_PER_BATCH) {
    throw new Refusal(`A file may hold at most ${MAX_DEVICES_PER_BATCH.toLocaleString('en-US')} devices; split it. Nothing was imported.`, { code: 'too_large' });
  }
  try {
    return await db.transaction(async (tx) => {
      const { problems, resolved } = await validateDeviceImport(tx, params);
      if (problems.length) {
        const rows = new Set(problems.map((p) => p.line)).size;
        throw new Refusal(`${rows === 1 ? '1 row has' : `${rows} rows have`} problems, so nothing was imported. Fix them and import the file again.`, { problems });
      }
      const [inserted] = await queryRows<{ n: number }>(tx, sql`
        with added as (
          insert into devices (seller_id, imei, serial, product_id, warehouse_id, status_id, cost, received_on)
          select ${params.sellerId}, imei, serial, product_id, warehouse_id, status_id, cost, received_on
          from unnest(${textArray(resolved.map((r) => r.imei))}, ${textArray(resolved.map((r) => r.serial))},
                      ${intArray(resolved.map((r) => r.productId))}, ${intArray(resolved.map((r) => r.warehouseId))},
                      ${intArray(resolved.map((r) => r.statusId))}, ${bigintArray(resolved.map((r) => r.cost))},
                      ${dateArray(resolved.map((r) => r.receivedOn))})
            as t(imei, serial, product_id, warehouse_id, status_id, cost, received_on)
          returning 1
        )
        select count(*)::int as n from added`);
      const imported = Number(inserted?.n ?? 0);
      await recordAudit(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        action: 'devices.import',
        entityType: 'device',
        details: { count: imported },
      });
      return { imported };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Refusal('Some of these devices were added by someone else a moment ago. Nothing was imported; import again to see which.', { code: 'conflict' });
    }
    throw error;
  }
}
