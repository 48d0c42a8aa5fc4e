import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { textArray } from '@/db/sql-arrays';
import { Refusal } from '@/lib/refusal';
import { IMPORT_BATCH_HOURS, MAX_IMPORT_ROWS, skuFromAttributes, type ImportKind } from '@/lib/imports/columns';

/**
 * The staging area shared by the chunked imports (products, devices): a
 * batch owned by one seller and one staff user, its rows uploaded chunk by
 * chunk, previewed range by range, and applied once, in one transaction, by
 * the import of its kind. Every read joins the batch to its owner, so
 * another seller's or another staff user's batch id is "not found".
 */

/** Who a batch belongs to: both come from the session. */
export type BatchOwner = { sellerId: number; staffUserId: number };

export type OpenBatch = {
  id: number;
  kind: ImportKind;
  columns: string[];
  options: Record<string, unknown>;
  fileName: string;
  rowCount: number;
  status: 'open' | 'applied';
  result: Record<string, unknown> | null;
};

export type StagedRow = { row: number; cells: string[] };

const notFound = () => new Refusal('That import was not found or has expired. Choose the file again.', { code: 'not_found' });

/** Deletes every batch past its expiry, with its rows: housekeeping, run whenever a batch starts. */
export async function deleteExpiredImportBatches(db: DbOrTx, params: { now?: Date } = {}): Promise<number> {
  const now = (params.now ?? new Date()).toISOString();
  const rows = await queryRows<{ id: number }>(db, sql`delete from import_batches where expires_at < ${now}::timestamptz returning id`);
  return rows.length;
}

export async function startImportBatch(
  db: DbOrTx,
  params: BatchOwner & { kind: ImportKind; columns: readonly string[]; options?: Record<string, unknown>; fileName?: string; rowCount: number; now?: Date },
): Promise<{ batchId: number }> {
  if (params.rowCount < 1) throw new Refusal('The file has no rows.', { code: 'empty' });
  if (params.rowCount > MAX_IMPORT_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it.`, { code: 'too_large' });
  }
  await deleteExpiredImportBatches(db, { now: params.now });
  const now = params.now ?? new Date();
  const [batch] = await queryRows<{ id: number }>(db, sql`
    insert into import_batches (seller_id, staff_user_id, kind, columns, options, file_name, row_count, expires_at)
    values (${params.sellerId}, ${params.staffUserId}, ${params.kind}, ${textArray([...params.columns])}, ${JSON.stringify(params.options ?? {})}::jsonb,
            ${(params.fileName ?? '').slice(0, 200)}, ${params.rowCount}, ${new Date(now.getTime() + IMPORT_BATCH_HOURS * 3600_000).toISOString()}::timestamptz)
    returning id`);
  return { batchId: Number(batch!.id) };
}

/** The batch of this owner, not expired; `forUpdate` locks it (the apply). Anything else is "not found". */
export async function findImportBatch(
  db: DbOrTx,
  params: BatchOwner & { batchId: number; kind?: ImportKind; forUpdate?: boolean; now?: Date },
): Promise<OpenBatch> {
  const now = (params.now ?? new Date()).toISOString();
  const [batch] = await queryRows<OpenBatch>(db, sql`
    select id, kind, columns, options, file_name as "fileName", row_count as "rowCount", status, result
    from import_batches
    where id = ${params.batchId} and seller_id = ${params.sellerId} and staff_user_id = ${params.staffUserId}
      and (expires_at >= ${now}::timestamptz or status = 'applied')
    ${params.forUpdate ? sql`for update` : sql``}`);
  if (!batch || (params.kind && batch.kind !== params.kind)) throw notFound();
  return { ...batch, id: Number(batch.id), rowCount: Number(batch.rowCount) };
}

const cellOf = (columns: readonly string[], cells: readonly string[], name: string) => {
  const i = columns.indexOf(name);
  return i < 0 ? '' : (cells[i] ?? '').trim();
};

/** What must not repeat within a file, and the product a device row names or would create. */
function keysOf(kind: ImportKind, columns: readonly string[], cells: readonly string[]) {
  const cell = (name: string) => cellOf(columns, cells, name);
  if (kind === 'products') return { key: cell('sku').toLowerCase() || null, key2: null, productKey: null };
  const sku = cell('sku') || (cell('manufacturer') && cell('model') ? skuFromAttributes({
    manufacturer: cell('manufacturer'), model: cell('model'), capacity: cell('capacity'), color: cell('color'), network: cell('network'), grade: cell('grade'),
  }) : '');
  return { key: cell('imei') || null, key2: cell('serial').toLowerCase() || null, productKey: sku.toLowerCase() || null };
}

/**
 * Stores one chunk of rows (one statement). A chunk sent again replaces its
 * rows, so a retried upload is harmless; each upload keeps the batch from
 * expiring. Answers how many rows the batch holds now.
 */
export async function stageImportRows(
  db: DbOrTx,
  params: BatchOwner & { batchId: number; rows: readonly StagedRow[]; now?: Date },
): Promise<{ staged: number; rowCount: number }> {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const batch = await findImportBatch(tx, { ...params, forUpdate: true, now });
    if (batch.status !== 'open') throw new Refusal('This file was already imported. Choose the file again to import it anew.', { code: 'conflict' });
    const width = batch.columns.length;
    const maxRow = batch.rowCount + 1;
    for (const r of params.rows) {
      if (r.cells.length !== width) throw new Refusal(`Row ${r.row} has ${r.cells.length} cells; the file has ${width} columns.`, { code: 'invalid' });
      if (r.row < 2 || r.row > maxRow) throw new Refusal(`Row ${r.row} is outside the file (rows 2 to ${maxRow}).`, { code: 'invalid' });
    }
    if (params.rows.length) {
      const json = JSON.stringify(params.rows.map((r) => ({ row: r.row, cells: r.cells, ...keysOf(batch.kind, batch.columns, r.cells) })));
      await tx.execute(sql`
        insert into import_batch_rows (batch_id, row, cells, key, key2, product_key)
        select ${batch.id}::int, (e->>'row')::int, array(select jsonb_array_elements_text(e->'cells')), e->>'key', e->>'key2', e->>'productKey'
        from jsonb_array_elements(${json}::jsonb) as e
        on conflict (batch_id, row) do update set cells = excluded.cells, key = excluded.key, key2 = excluded.key2, product_key = excluded.product_key`);
    }
    const [count] = await queryRows<{ n: number }>(tx, sql`
      with touched as (
        update import_batches set expires_at = ${new Date(now.getTime() + IMPORT_BATCH_HOURS * 3600_000).toISOString()}::timestamptz
        where id = ${batch.id} and seller_id = ${params.sellerId} returning id
      )
      select count(*)::int as n from import_batch_rows where batch_id = ${batch.id}`);
    return { staged: Number(count?.n ?? 0), rowCount: batch.rowCount };
  });
}

/** The staged rows of an owner's batch, by row number; `fromRow`/`toRow` (inclusive) pick a range. */
export async function stagedRows(
  db: DbOrTx,
  params: BatchOwner & { batchId: number; fromRow?: number; toRow?: number },
): Promise<StagedRow[]> {
  const rows = await queryRows<{ row: number; cells: string[] }>(db, sql`
    select r.row, r.cells from import_batch_rows r
    join import_batches b on b.id = r.batch_id
    where b.id = ${params.batchId} and b.seller_id = ${params.sellerId} and b.staff_user_id = ${params.staffUserId}
      ${params.fromRow !== undefined ? sql`and r.row >= ${params.fromRow}` : sql``}
      ${params.toRow !== undefined ? sql`and r.row <= ${params.toRow}` : sql``}
    order by r.row`);
  return rows.map((r) => ({ row: Number(r.row), cells: r.cells }));
}

/** How many rows of a batch arrived (the apply refuses a batch that is missing some). */
export async function stagedRowCount(db: DbOrTx, params: BatchOwner & { batchId: number }): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from import_batch_rows r join import_batches b on b.id = r.batch_id
    where b.id = ${params.batchId} and b.seller_id = ${params.sellerId} and b.staff_user_id = ${params.staffUserId}`);
  return Number(row?.n ?? 0);
}

export type KeyColumn = 'key' | 'key2' | 'product_key';

/**
 * The first row of the whole batch holding each of `keys` in `column`, with
 * its cells: how one range of the preview knows a SKU or IMEI repeats an
 * earlier chunk, and which row first names a product to create. One statement.
 */
export async function firstRowsByKey(
  db: DbOrTx,
  params: BatchOwner & { batchId: number; column: KeyColumn; keys: readonly string[] },
): Promise<Map<string, StagedRow>> {
  const keys = [...new Set(params.keys)];
  if (!keys.length) return new Map();
  const column = sql.raw(`r.${params.column}`);
  const rows = await queryRows<{ key: string; row: number; cells: string[] }>(db, sql`
    select distinct on (${column}) ${column} as key, r.row, r.cells
    from import_batch_rows r join import_batches b on b.id = r.batch_id
    where b.id = ${params.batchId} and b.seller_id = ${params.sellerId} and b.staff_user_id = ${params.staffUserId}
      and ${column} = any(${textArray(keys)})
    order by ${column}, r.row`);
  return new Map(rows.map((r) => [r.key, { row: Number(r.row), cells: r.cells }]));
}

/** Checks that every row of the file arrived (inside the apply's transaction). */
export async function requireCompleteBatch(db: DbOrTx, params: BatchOwner & { batch: OpenBatch }): Promise<void> {
  const staged = await stagedRowCount(db, { ...params, batchId: params.batch.id });
  if (staged !== params.batch.rowCount) {
    throw new Refusal(
      `Only ${staged.toLocaleString('en-US')} of the file's ${params.batch.rowCount.toLocaleString('en-US')} rows arrived, so nothing was imported. Choose the file again.`,
      { code: 'not_ready' },
    );
  }
}

/** Marks the batch applied with what it did (answered to a second apply) and drops its rows; inside the apply's transaction. */
export async function finishImportBatch(db: DbOrTx, params: BatchOwner & { batchId: number; result: Record<string, unknown> }): Promise<void> {
  await db.execute(sql`
    update import_batches set status = 'applied', applied_at = now(), result = ${JSON.stringify(params.result)}::jsonb
    where id = ${params.batchId} and seller_id = ${params.sellerId} and staff_user_id = ${params.staffUserId}`);
  await db.execute(sql`delete from import_batch_rows where batch_id = ${params.batchId}`);
}

/** A staged row as a record of the batch's columns (cells trimmed). */
export function recordOf<C extends string>(columns: readonly string[], row: StagedRow): { row: number } & Partial<Record<C, string>> {
  const record: Record<string, string | number> = { row: row.row };
  columns.forEach((c, i) => {
    record[c] = (row.cells[i] ?? '').trim();
  });
  return record as { row: number } & Partial<Record<C, string>>;
}
