import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import { bigintArray, intArray, textArray } from '@/db/sql-arrays';
import { recordAudit, type StaffActor } from '@/db/queries/audit';
import {
  finishImportBatch,
  findImportBatch,
  firstRowsByKey,
  recordOf,
  requireCompleteBatch,
  stagedRows,
  type BatchOwner,
} from '@/db/queries/imports/import-batches';
import type { ProductImportColumn } from '@/lib/imports/columns';
import { moneyLimitText, readMoney } from '@/lib/money';
import { describeProduct } from '@/lib/products';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { packProblem } from '@/lib/validation/products';

/** One row of a products file: the cells of the columns the file has (an absent column leaves that field as it is). */
export type ProductImportRow = { row: number } & Partial<Record<ProductImportColumn, string>>;

type ProductValues = {
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  listPrice: number | null;
  minOrderQuantity: number;
  orderIncrement: number;
};
type ExistingProduct = ProductValues & { id: number };

/** A row that creates or updates a product, as the preview lists it. */
export type ProductImportChange = {
  row: number;
  sku: string;
  action: 'create' | 'update';
  description: string;
  /** The fields an update changes, old → new (the price in minor units is apart). */
  fields: string[];
  priceFrom: number | null;
  priceTo: number | null;
  priceChanged: boolean;
};

export type ProductImportCounts = { create: number; update: number; unchanged: number; priceChanges: number };

type PlannedWrite = { row: number; productId: number | null; before: ExistingProduct | null; values: ProductValues };

export type ProductImportPlan = { counts: ProductImportCounts; problems: LineProblem[]; changes: ProductImportChange[]; writes: PlannedWrite[] };

const ATTRIBUTES = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
const ATTRIBUTE_MAX = 80;
const SKU_MAX = 64;
const onRequest = /^(on request|price on request|por)$/i;

function readCount(text: string, column: string, reasons: string[]): number | undefined {
  if (!text) return undefined;
  const n = Number(text.replace(/[,\s]/g, ''));
  if (Number.isInteger(n) && n >= 1 && n <= 1_000_000) return n;
  reasons.push(`${column} "${text}" is not a whole number from 1 to 1,000,000`);
  return undefined;
}

/**
 * What each row would do, with every reason a row cannot be applied. Pure:
 * the caller reads the existing products and the first row of each SKU in
 * the whole file, so a range of a large file is checked like the whole file.
 */
export function planProductImport(params: {
  currency: string;
  rows: readonly ProductImportRow[];
  existing: ReadonlyMap<string, ExistingProduct>;
  /** The first row of the file holding each SKU (lower case). */
  firstRow: ReadonlyMap<string, number>;
}): ProductImportPlan {
  const problems: LineProblem[] = [];
  const changes: ProductImportChange[] = [];
  const writes: PlannedWrite[] = [];
  const counts: ProductImportCounts = { create: 0, update: 0, unchanged: 0, priceChanges: 0 };
  for (const r of params.rows) {
    const reasons: string[] = [];
    const sku = (r.sku ?? '').trim();
    const key = sku.toLowerCase();
    if (!sku) reasons.push('SKU is empty');
    else if (sku.length > SKU_MAX) reasons.push(`SKU is longer than ${SKU_MAX} characters`);
    else if (/\s/.test(sku)) reasons.push('a SKU has no spaces');
    const first = key ? params.firstRow.get(key) : undefined;
    if (first !== undefined && first < r.row) reasons.push(`this SKU is already on row ${first}`);
    const before = key ? (params.existing.get(key) ?? null) : null;

    const attributes = {} as Record<(typeof ATTRIBUTES)[number], string>;
    for (const a of ATTRIBUTES) {
      const cell = r[a];
      const value = cell === undefined ? (before?.[a] ?? '') : cell.trim();
      if (value.length > ATTRIBUTE_MAX) reasons.push(`${a} is longer than ${ATTRIBUTE_MAX} characters`);
      attributes[a] = value;
    }
    if (!attributes.manufacturer) reasons.push('manufacturer is empty');
    if (!attributes.model) reasons.push('model is empty');

    let listPrice = before?.listPrice ?? null;
    const priceCell = (r.list_price ?? '').trim();
    if (priceCell) {
      if (onRequest.test(priceCell)) listPrice = null;
      else {
        const reading = readMoney(priceCell, params.currency);
        if (reading.ok) listPrice = reading.minor;
        else reasons.push(reading.problem === 'too_large' ? `list price "${priceCell}" is too large: prices are ${moneyLimitText(params.currency)}` : `list price "${priceCell}" is not a price`);
      }
    }
    const minOrderQuantity = readCount((r.min_order_quantity ?? '').trim(), 'min_order_quantity', reasons) ?? before?.minOrderQuantity ?? 1;
    const orderIncrement = readCount((r.order_increment ?? '').trim(), 'order_increment', reasons) ?? before?.orderIncrement ?? 1;
    const pack = packProblem({ minOrderQuantity, orderIncrement });
    if (pack && !reasons.some((x) => x.startsWith('min_order_quantity') || x.startsWith('order_increment'))) {
      reasons.push(`min_order_quantity ${minOrderQuantity} is not a whole number of packs of ${orderIncrement}`);
    }

    if (reasons.length) {
      problems.push({ line: r.row, value: sku || '(no SKU)', reason: reasons.join('; ') });
      continue;
    }
    const values: ProductValues = { sku: before?.sku ?? sku, ...attributes, listPrice, minOrderQuantity, orderIncrement };
    const fields = before
      ? [...ATTRIBUTES, 'minOrderQuantity' as const, 'orderIncrement' as const]
          .filter((f) => before[f] !== values[f])
          .map((f) => `${f === 'minOrderQuantity' ? 'min order quantity' : f === 'orderIncrement' ? 'pack size' : f}: ${before[f] || '—'} → ${values[f] || '—'}`)
      : [];
    const priceChanged = before ? before.listPrice !== listPrice : false;
    if (before && !fields.length && !priceChanged) {
      counts.unchanged++;
      continue;
    }
    counts[before ? 'update' : 'create']++;
    if (priceChanged) counts.priceChanges++;
    writes.push({ row: r.row, productId: before?.id ?? null, before, values });
    changes.push({
      row: r.row,
      sku: values.sku,
      action: before ? 'update' : 'create',
      description: describeProduct(values),
      fields,
      priceFrom: before?.listPrice ?? null,
      priceTo: listPrice,
      priceChanged,
    });
  }
  return { counts, problems, changes, writes };
}

/** The seller's products with these SKUs (lower case), in one statement; `forUpdate` locks them. */
async function existingProducts(db: DbOrTx, params: { sellerId: number; keys: readonly string[]; forUpdate?: boolean }): Promise<Map<string, ExistingProduct>> {
  const keys = [...new Set(params.keys.filter(Boolean))];
  if (!keys.length) return new Map();
  const rows = await queryRows<ExistingProduct & { key: string }>(db, sql`
    select id, lower(sku) as key, sku, manufacturer, model, capacity, color, network, grade, list_price as "listPrice",
           min_order_quantity as "minOrderQuantity", order_increment as "orderIncrement"
    from products where seller_id = ${params.sellerId} and lower(sku) = any(${textArray(keys)})
    order by id ${params.forUpdate ? sql`for update` : sql``}`);
  return new Map(
    rows.map(({ key, ...p }) => [key, { ...p, id: Number(p.id), listPrice: p.listPrice === null ? null : Number(p.listPrice), minOrderQuantity: Number(p.minOrderQuantity), orderIncrement: Number(p.orderIncrement) }]),
  );
}

/** How many changes one preview range lists (the screen shows the first few hundred of the file). */
const CHANGES_PER_RANGE = 200;

export type ProductImportPreview = { counts: ProductImportCounts; problems: LineProblem[]; changes: ProductImportChange[] };

/**
 * What rows `fromRow`..`toRow` of a staged products file would do. Repeats of
 * a SKU are found across the whole file. Three statements whatever the range.
 */
export async function previewProductImport(
  db: DbOrTx,
  params: BatchOwner & { currency: string; batchId: number; fromRow: number; toRow: number },
): Promise<ProductImportPreview> {
  const batch = await findImportBatch(db, { ...params, kind: 'products' });
  if (batch.status !== 'open') throw new Refusal('This file was already imported.', { code: 'conflict' });
  const rows = (await stagedRows(db, params)).map((r) => recordOf<ProductImportColumn>(batch.columns, r));
  const keys = rows.map((r) => (r.sku ?? '').toLowerCase()).filter(Boolean);
  const [first, existing] = [await firstRowsByKey(db, { ...params, column: 'key', keys }), await existingProducts(db, { sellerId: params.sellerId, keys })];
  const plan = planProductImport({ currency: params.currency, rows, existing, firstRow: new Map([...first].map(([k, v]) => [k, v.row])) });
  return { counts: plan.counts, problems: plan.problems, changes: plan.changes.slice(0, CHANGES_PER_RANGE) };
}

export type ProductImportOutcome = { created: number; updated: number; unchanged: number; priceChanges: number; alreadyApplied?: boolean };

/** Problems a refusal carries at most (the preview lists them all). */
const REFUSED_ROWS_SHOWN = 1000;

/**
 * Applies a staged products file in one transaction, all or nothing: the
 * batch is locked (a second apply answers the first one's outcome and writes
 * nothing), every row is checked again against the products it names
 * (locked), then one upsert creates and updates them, one statement writes
 * the price history (a `product.price` entry per changed list price, as the
 * product form and the price file do) and one audit entry records the import.
 */
export async function applyProductImport(
  db: DbOrTx,
  params: BatchOwner & { actor: StaffActor; currency: string; batchId: number },
): Promise<ProductImportOutcome> {
  const { sellerId } = params;
  try {
    return await db.transaction(async (tx) => {
      const batch = await findImportBatch(tx, { ...params, kind: 'products', forUpdate: true });
      if (batch.status === 'applied') return { ...(batch.result as ProductImportOutcome), alreadyApplied: true };
      await requireCompleteBatch(tx, { ...params, batch });
      const rows = (await stagedRows(tx, params)).map((r) => recordOf<ProductImportColumn>(batch.columns, r));
      const firstRow = new Map<string, number>();
      for (const r of rows) {
        const key = (r.sku ?? '').toLowerCase();
        if (key && !firstRow.has(key)) firstRow.set(key, r.row);
      }
      const existing = await existingProducts(tx, { sellerId, keys: [...firstRow.keys()], forUpdate: true });
      const plan = planProductImport({ currency: params.currency, rows, existing, firstRow });
      if (plan.problems.length) {
        const n = plan.problems.length;
        throw new Refusal(`${n === 1 ? '1 row has a problem' : `${n.toLocaleString('en-US')} rows have problems`}, so nothing was imported. Fix the file and try again.`, {
          problems: plan.problems.slice(0, REFUSED_ROWS_SHOWN),
        });
      }
      const w = plan.writes;
      if (w.length) {
        const text = (pick: (v: ProductValues) => string) => textArray(w.map((x) => pick(x.values)));
        const [written] = await queryRows<{ created: number; updated: number }>(tx, sql`
          with written as (
            insert into products (seller_id, sku, manufacturer, model, capacity, color, network, grade, list_price, min_order_quantity, order_increment)
            select ${sellerId}::int, r.sku, r.manufacturer, r.model, r.capacity, r.color, r.network, r.grade, r.list_price, r.moq, r.increment
            from unnest(${text((v) => v.sku)}, ${text((v) => v.manufacturer)}, ${text((v) => v.model)}, ${text((v) => v.capacity)}, ${text((v) => v.color)},
                        ${text((v) => v.network)}, ${text((v) => v.grade)}, ${bigintArray(w.map((x) => x.values.listPrice))},
                        ${intArray(w.map((x) => x.values.minOrderQuantity))}, ${intArray(w.map((x) => x.values.orderIncrement))})
              as r(sku, manufacturer, model, capacity, color, network, grade, list_price, moq, increment)
            on conflict (seller_id, lower(sku)) do update set
              manufacturer = excluded.manufacturer, model = excluded.model, capacity = excluded.capacity, color = excluded.color,
              network = excluded.network, grade = excluded.grade, list_price = excluded.list_price,
              min_order_quantity = excluded.min_order_quantity, order_increment = excluded.order_increment, updated_at = now()
            returning (xmax = 0) as inserted
          )
          select (count(*) filter (where inserted))::int as created, (count(*) filter (where not inserted))::int as updated from written`);
        // A product with a SKU the plan thought new was created by someone else meanwhile: its history would be wrong.
        if (Number(written?.created ?? 0) !== plan.counts.create) {
          throw new Refusal('Someone else added some of these products a moment ago, so nothing was imported. Check the file again.', { code: 'conflict' });
        }
      }
      const priced = w.filter((x) => x.before && x.before.listPrice !== x.values.listPrice);
      if (priced.length) {
        await tx.execute(sql`
          insert into audit_entries (seller_id, actor_staff_id, actor_label, action, entity_type, entity_id, details)
          select ${sellerId}, ${params.actor.staffUserId}::int, ${params.actor.name}, 'product.price', 'product', c.id,
                 jsonb_build_object('sku', c.sku, 'from', c.old_price, 'to', c.new_price, 'currency', ${params.currency}::text, 'source', 'product import')
          from unnest(${intArray(priced.map((x) => x.productId))}, ${textArray(priced.map((x) => x.values.sku))},
                      ${bigintArray(priced.map((x) => x.before!.listPrice))}, ${bigintArray(priced.map((x) => x.values.listPrice))}) as c(id, sku, old_price, new_price)`);
      }
      const outcome: ProductImportOutcome = { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged, priceChanges: plan.counts.priceChanges };
      await recordAudit(tx, {
        sellerId,
        actor: params.actor,
        action: 'products.import',
        entityType: 'product',
        details: { rows: rows.length, ...outcome, file: batch.fileName, batchId: batch.id },
      });
      await finishImportBatch(tx, { ...params, result: outcome });
      return outcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Refusal('Someone else changed these products at the same time, so nothing was imported. Check the file again.', { code: 'conflict' });
    }
    throw error;
  }
}
