import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { bigintArray, dateArray, intArray, textArray } from '@/db/sql-arrays';
import { recordAudit, recordAudits, type AuditActor } from '@/db/queries/audit';
import {
  finishImportBatch,
  findImportBatch,
  firstRowsByKey,
  recordOf,
  requireCompleteBatch,
  stagedRows,
  type BatchOwner,
  type StagedRow,
} from '@/db/queries/imports/import-batches';
import { MAX_IMPORT_ROWS, skuFromAttributes, type DeviceImportColumn } from '@/lib/imports/columns';
import { describeProduct } from '@/lib/products';
import { moneyLimitText, readMoney } from '@/lib/money';
import { imeiReason, serialProblem } from '@/lib/inventory/identifiers';
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
  /** The product attributes, read only when missing products may be created. */
  manufacturer?: string;
  model?: string;
  capacity?: string;
  color?: string;
  network?: string;
  grade?: string;
};

const ATTRIBUTES = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
type Attributes = Record<(typeof ATTRIBUTES)[number], string>;

/** A product the import creates: its SKU (given, or built from the attributes), attributes and the row that first names it. */
export type NewProduct = { key: string; sku: string; attributes: Attributes; description: string; firstRow: number };

type ResolvedRow = {
  imei: string | null;
  serial: string | null;
  /** An existing product, or the key of a product the import creates. */
  productId: number | null;
  newProductKey: string | null;
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

/** A row with every cell trimmed, and the SKU it names or would create. */
type CleanRow = Required<DeviceImportRow> & { productSku: string };

const attributesOf = (r: Required<DeviceImportRow>): Attributes =>
  Object.fromEntries(ATTRIBUTES.map((a) => [a, r[a]])) as Attributes;

/** The SKU a row names; with creation on, a row without one names the SKU built from its attributes. */
export function deviceRowSku(r: Required<DeviceImportRow>, createMissingProducts: boolean): string {
  if (r.sku || !createMissingProducts || !r.manufacturer || !r.model) return r.sku;
  return skuFromAttributes(attributesOf(r));
}

function cleanRow(r: DeviceImportRow, createMissingProducts: boolean): CleanRow {
  const t = (v: string | undefined) => (v ?? '').trim();
  const base = {
    row: r.row,
    imei: t(r.imei),
    serial: t(r.serial),
    sku: t(r.sku),
    warehouse: t(r.warehouse),
    status: t(r.status),
    cost: t(r.cost),
    received: t(r.received),
    manufacturer: t(r.manufacturer),
    model: t(r.model),
    capacity: t(r.capacity),
    color: t(r.color),
    network: t(r.network),
    grade: t(r.grade),
  };
  return { ...base, productSku: deviceRowSku(base, createMissingProducts) };
}

/** The seller's products (by SKU), warehouses (by code) and statuses (by name) the rows name, keyed in lower case. */
type ImportLookups = { productByKey: Map<string, number>; warehouseByKey: Map<string, number>; statusByKey: Map<string, number> };

async function loadImportLookups(db: DbOrTx, params: { sellerId: number; rows: readonly CleanRow[] }): Promise<ImportLookups> {
  const { sellerId } = params;
  const skus = [...new Set(params.rows.map((r) => r.productSku.toLowerCase()).filter(Boolean))];
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
    else if (first.imei.has(r.imei) && first.imei.get(r.imei) !== r.row) reasons.push(`IMEI repeats row ${first.imei.get(r.imei)}`);
    else first.imei.set(r.imei, r.row);
  }
  if (r.serial) {
    const reason = serialProblem(r.serial);
    const key = r.serial.toLowerCase();
    if (reason) reasons.push(`serial: ${reason}`);
    else if (first.serial.has(key) && first.serial.get(key) !== r.row) reasons.push(`serial number repeats row ${first.serial.get(key)}`);
    else first.serial.set(key, r.row);
  }
  return reasons;
}

/** Checks one row's SKU, warehouse, status, cost and date; the reasons, or the row ready to insert. */
function resolveRow(
  r: CleanRow,
  context: ImportLookups & { currency: string; today: string; reasons: string[]; creation: ProductCreation | null },
): ResolvedRow | null {
  const { reasons } = context;
  const productKey = r.productSku.toLowerCase();
  const productId = productKey ? context.productByKey.get(productKey) : undefined;
  let newProductKey: string | null = null;
  if (!r.productSku) reasons.push(context.creation ? 'SKU is empty, and a product needs at least a manufacturer and a model to be created' : 'SKU is empty');
  else if (!productId && !context.creation) reasons.push(`no product has SKU "${r.sku}"`);
  else if (!productId && context.creation) {
    newProductKey = productKey;
    reasons.push(...context.creation.check(r));
  }
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
  return { imei: r.imei || null, serial: r.serial || null, productId: productId ?? null, newProductKey, warehouseId: warehouseId!, statusId: statusId!, cost, receivedOn };
}

/**
 * With "create missing products" on: checks a row that names a product the
 * seller does not have, and records the product. The first row of the file
 * naming a SKU defines it; a later row giving other attributes is refused.
 */
type ProductCreation = { check(r: CleanRow): string[]; products: Map<string, NewProduct> };

function productCreation(firstRows: ReadonlyMap<string, CleanRow>): ProductCreation {
  const products = new Map<string, NewProduct>();
  return {
    products,
    check(r) {
      const reasons: string[] = [];
      const sku = r.productSku;
      if (sku.length > 64) reasons.push('SKU is longer than 64 characters');
      else if (/\s/.test(sku)) reasons.push('a SKU has no spaces');
      if (!r.manufacturer || !r.model) reasons.push(`no product has SKU "${sku}"; give its manufacturer and model to create it`);
      for (const a of ATTRIBUTES) if (r[a].length > 80) reasons.push(`${a} is longer than 80 characters`);
      const key = sku.toLowerCase();
      const first = firstRows.get(key) ?? r;
      const attributes = attributesOf(first);
      if (first.row !== r.row && describeProduct(attributesOf(r)) !== describeProduct(attributes)) {
        reasons.push(`row ${first.row} creates ${sku} as ${describeProduct(attributes)}; this row says ${describeProduct(attributesOf(r)) || 'nothing'}`);
      }
      if (!reasons.length && !products.has(key)) {
        products.set(key, { key, sku: first.productSku, attributes, description: describeProduct(attributes), firstRow: first.row });
      }
      return reasons;
    },
  };
}

/** Rows of the whole file that come first for an IMEI, a serial number or a product key: a range is checked like the whole file. */
export type EarlierRows = { imei: ReadonlyMap<string, number>; serial: ReadonlyMap<string, number>; product: ReadonlyMap<string, DeviceImportRow> };

/**
 * Checks every row against this seller's data: identifier format, repeats
 * within the rows (or the whole file, given `earlier`), IMEIs/serials already
 * in inventory, SKU (or, with `createMissingProducts`, the product to
 * create), warehouse code, status name, cost and received date. A row may
 * have several problems; each is reported. A constant number of queries
 * whatever the number of rows.
 */
export async function validateDeviceImport(
  db: DbOrTx,
  params: {
    sellerId: number;
    currency: string;
    rows: readonly DeviceImportRow[];
    today?: string;
    createMissingProducts?: boolean;
    earlier?: EarlierRows;
  },
): Promise<{ problems: LineProblem[]; resolved: ResolvedRow[]; newProducts: NewProduct[] }> {
  const { sellerId } = params;
  const createMissing = Boolean(params.createMissingProducts);
  const today = params.today ?? new Date().toISOString().slice(0, 10);
  const clean = params.rows.map((r) => cleanRow(r, createMissing));
  const lookups = await loadImportLookups(db, { sellerId, rows: clean });

  const firstProductRows = new Map<string, CleanRow>();
  for (const [key, r] of params.earlier?.product ?? []) firstProductRows.set(key, cleanRow(r, createMissing));
  for (const r of clean) {
    const key = r.productSku.toLowerCase();
    if (key && !firstProductRows.has(key)) firstProductRows.set(key, r);
  }
  const creation = createMissing ? productCreation(firstProductRows) : null;

  const problems: LineProblem[] = [];
  const first: FirstRows = { imei: new Map(params.earlier?.imei), serial: new Map(params.earlier?.serial) };
  const resolved: ResolvedRow[] = [];
  for (const r of clean) {
    const reasons = identifierReasons(r, first);
    const row = resolveRow(r, { ...lookups, currency: params.currency, today, reasons, creation });
    if (row) resolved.push(row);
    else problems.push({ line: r.row, value: r.imei || r.serial || '(no IMEI or serial)', reason: reasons.join('; ') });
  }

  // Only the rows that come first for their identifier, and only those of these rows, are looked up.
  const firstHere = (map: Map<string, number>, key: string, row: number) => map.get(key) === row;
  const imeiRows = clean.filter((r) => r.imei && !imeiReason(r.imei) && firstHere(first.imei, r.imei, r.row));
  const serialRows = clean.filter((r) => r.serial && !serialProblem(r.serial) && firstHere(first.serial, r.serial.toLowerCase(), r.row));
  const known = await findKnownIdentifiers(db, { sellerId, imeis: imeiRows.map((r) => r.imei), serials: serialRows.map((r) => r.serial.toLowerCase()) });
  for (const r of imeiRows) if (known.imeis.has(r.imei)) problems.push({ line: r.row, value: r.imei, reason: 'IMEI is already in your inventory' });
  for (const r of serialRows) {
    if (known.serials.has(r.serial.toLowerCase())) problems.push({ line: r.row, value: r.serial, reason: 'serial number is already in your inventory' });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { problems, resolved, newProducts: [...(creation?.products.values() ?? [])] };
}

export type DeviceImportOutcome = { imported: number; productsCreated: number; alreadyApplied?: boolean };

/** Problems a refusal carries at most (the preview lists them all). */
const REFUSED_ROWS_SHOWN = 1000;

/**
 * Imports the rows inside the caller's transaction, all or nothing: validates
 * every row again, creates the missing products (one statement) and inserts
 * the devices (one statement) only when no row has a problem.
 */
async function importDeviceRows(
  tx: DbOrTx,
  params: { sellerId: number; actor: AuditActor; currency: string; rows: readonly DeviceImportRow[]; today?: string; createMissingProducts?: boolean },
): Promise<DeviceImportOutcome> {
  const { sellerId } = params;
  const { problems, resolved, newProducts } = await validateDeviceImport(tx, params);
  if (problems.length) {
    const rows = new Set(problems.map((p) => p.line)).size;
    throw new Refusal(`${rows === 1 ? '1 row has' : `${rows.toLocaleString('en-US')} rows have`} problems, so nothing was imported. Fix them and import the file again.`, {
      problems: problems.slice(0, REFUSED_ROWS_SHOWN),
    });
  }
  const productIds = new Map<string, number>();
  if (newProducts.length) {
    const column = (pick: (p: NewProduct) => string) => textArray(newProducts.map(pick));
    const created = await queryRows<{ id: number; key: string; sku: string }>(tx, sql`
      insert into products (seller_id, sku, manufacturer, model, capacity, color, network, grade)
      select ${sellerId}::int, r.sku, r.manufacturer, r.model, r.capacity, r.color, r.network, r.grade
      from unnest(${column((p) => p.sku)}, ${column((p) => p.attributes.manufacturer)}, ${column((p) => p.attributes.model)}, ${column((p) => p.attributes.capacity)},
                  ${column((p) => p.attributes.color)}, ${column((p) => p.attributes.network)}, ${column((p) => p.attributes.grade)})
        as r(sku, manufacturer, model, capacity, color, network, grade)
      returning id, lower(sku) as key, sku`);
    for (const c of created) productIds.set(c.key, Number(c.id));
    await recordAudits(
      tx,
      created.map((c) => ({
        sellerId,
        actor: params.actor,
        action: 'product.create',
        entityType: 'product',
        entityId: Number(c.id),
        details: { sku: c.sku, listPrice: null, currency: params.currency, source: 'device import' },
      })),
    );
  }
  const productOf = (r: ResolvedRow) => r.productId ?? productIds.get(r.newProductKey!)!;
  const [inserted] = await queryRows<{ n: number }>(tx, sql`
    with added as (
      insert into devices (seller_id, imei, serial, product_id, warehouse_id, status_id, cost, received_on)
      select ${sellerId}, imei, serial, product_id, warehouse_id, status_id, cost, received_on
      from unnest(${textArray(resolved.map((r) => r.imei))}, ${textArray(resolved.map((r) => r.serial))},
                  ${intArray(resolved.map(productOf))}, ${intArray(resolved.map((r) => r.warehouseId))},
                  ${intArray(resolved.map((r) => r.statusId))}, ${bigintArray(resolved.map((r) => r.cost))},
                  ${dateArray(resolved.map((r) => r.receivedOn))})
        as t(imei, serial, product_id, warehouse_id, status_id, cost, received_on)
      returning 1
    )
    select count(*)::int as n from added`);
  const imported = Number(inserted?.n ?? 0);
  await recordAudit(tx, {
    sellerId,
    actor: params.actor,
    action: 'devices.import',
    entityType: 'device',
    details: newProducts.length ? { count: imported, productsCreated: newProducts.length } : { count: imported },
  });
  return { imported, productsCreated: newProducts.length };
}

const conflict = () =>
  new Refusal('Some of these devices or products were added by someone else a moment ago. Nothing was imported; import again to see which.', { code: 'conflict' });

/**
 * Imports the rows all or nothing: validates every row again inside one
 * transaction and inserts them with one statement only when none has a problem.
 */
export async function importDevices(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; currency: string; rows: readonly DeviceImportRow[]; today?: string; createMissingProducts?: boolean },
): Promise<DeviceImportOutcome> {
  if (!params.rows.length) throw new Refusal('The file has no device rows.', { code: 'empty' });
  if (params.rows.length > MAX_IMPORT_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} devices; split it. Nothing was imported.`, { code: 'too_large' });
  }
  try {
    return await db.transaction((tx) => importDeviceRows(tx, params));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** A staged device row as the checks read it. */
const deviceRowOf = (columns: readonly string[], r: StagedRow): DeviceImportRow => {
  const record = recordOf<DeviceImportColumn>(columns, r);
  return { imei: '', serial: '', sku: '', warehouse: '', status: '', cost: '', received: '', ...record };
};

const createsProducts = (options: Record<string, unknown>) => options.createMissingProducts === true;

export type DeviceImportPreview = { rows: number; problems: LineProblem[]; newProducts: NewProduct[] };

/**
 * Checks rows `fromRow`..`toRow` of a staged device file against the whole
 * file (repeats of an earlier chunk, the row that first names a new product)
 * and the seller's data. Writes nothing. A constant number of statements.
 * The products listed are those first named in this range.
 */
export async function previewDeviceImport(
  db: DbOrTx,
  params: BatchOwner & { currency: string; batchId: number; fromRow: number; toRow: number; today?: string },
): Promise<DeviceImportPreview> {
  const batch = await findImportBatch(db, { ...params, kind: 'devices' });
  if (batch.status !== 'open') throw new Refusal('This file was already imported.', { code: 'conflict' });
  const createMissingProducts = createsProducts(batch.options);
  const rows = (await stagedRows(db, params)).map((r) => deviceRowOf(batch.columns, r));
  const trimmed = rows.map((r) => cleanRow(r, createMissingProducts));
  const owner = { sellerId: params.sellerId, staffUserId: params.staffUserId, batchId: batch.id };
  const imeis = await firstRowsByKey(db, { ...owner, column: 'key', keys: trimmed.map((r) => r.imei).filter(Boolean) });
  const serials = await firstRowsByKey(db, { ...owner, column: 'key2', keys: trimmed.map((r) => r.serial.toLowerCase()).filter(Boolean) });
  const products = createMissingProducts
    ? await firstRowsByKey(db, { ...owner, column: 'product_key', keys: trimmed.map((r) => r.productSku.toLowerCase()).filter(Boolean) })
    : new Map<string, StagedRow>();
  const { problems, newProducts } = await validateDeviceImport(db, {
    ...params,
    rows,
    createMissingProducts,
    earlier: {
      imei: new Map([...imeis].map(([k, v]) => [k, v.row])),
      serial: new Map([...serials].map(([k, v]) => [k, v.row])),
      product: new Map([...products].map(([k, v]) => [k, deviceRowOf(batch.columns, v)])),
    },
  });
  return { rows: rows.length, problems, newProducts: newProducts.filter((p) => p.firstRow >= params.fromRow && p.firstRow <= params.toRow) };
}

/**
 * Applies a staged device file in one transaction, all or nothing: the batch
 * is locked (a second apply answers the first one's outcome and writes
 * nothing), every row is checked again, then the missing products (when the
 * batch was started with that option) and the devices are inserted.
 */
export async function importDeviceBatch(
  db: DbOrTx,
  params: BatchOwner & { actor: AuditActor; currency: string; batchId: number; today?: string },
): Promise<DeviceImportOutcome> {
  try {
    return await db.transaction(async (tx) => {
      const batch = await findImportBatch(tx, { ...params, kind: 'devices', forUpdate: true });
      if (batch.status === 'applied') return { ...(batch.result as DeviceImportOutcome), alreadyApplied: true };
      await requireCompleteBatch(tx, { ...params, batch });
      const rows = (await stagedRows(tx, params)).map((r) => deviceRowOf(batch.columns, r));
      const outcome = await importDeviceRows(tx, { ...params, rows, createMissingProducts: createsProducts(batch.options) });
      await finishImportBatch(tx, { ...params, result: outcome });
      return outcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}
