import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { textArray } from '@/db/sql-arrays';
import { deviceConditionUploadChunks } from '@/db/schema';
import type { AuditActor, StaffActor } from '@/db/queries/audit';
import { imeiReason } from '@/lib/inventory/identifiers';
import {
  conditionFields,
  readConditionRow,
  type ConditionCells,
  type ConditionField,
} from '@/lib/inventory/diagnostics-csv';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { applyConditionUpdates, type ConditionUpdateRow } from './apply-condition-updates';

/** Most rows one diagnostics file may hold. */
export const MAX_CONDITION_ROWS = 100_000;

/** The seller's devices with these IMEIs and serial numbers (lower case), in one statement. */
export async function findDevicesByIdentifier(
  db: DbOrTx,
  params: { sellerId: number; imeis: readonly string[]; serials: readonly string[] },
): Promise<{ byImei: Map<string, number>; bySerial: Map<string, number> }> {
  const { sellerId } = params;
  const byImei = new Map<string, number>();
  const bySerial = new Map<string, number>();
  if (!params.imeis.length && !params.serials.length) return { byImei, bySerial };
  const rows = await queryRows<{ id: number; imei: string | null; serial: string | null }>(db, sql`
    select d.id, d.imei, lower(d.serial) as serial from devices d
    where d.seller_id = ${sellerId} and d.imei = any(${textArray([...params.imeis])})
    union all
    select d.id, null, lower(d.serial) from devices d
    where d.seller_id = ${sellerId} and lower(d.serial) = any(${textArray([...params.serials])})`);
  for (const r of rows) {
    if (r.imei) byImei.set(r.imei, Number(r.id));
    else if (r.serial) bySerial.set(r.serial, Number(r.id));
  }
  return { byImei, bySerial };
}

type CheckedRow = { row: number; deviceId: number | null; identifier: string; reasons: string[]; update: ConditionUpdateRow['update'] };

/**
 * Checks every row: an IMEI or serial of one of the seller's devices (another seller's
 * IMEI reads as unknown), each device once in the file, values that read. A constant
 * number of statements (one) whatever the number of rows.
 */
export async function checkDeviceConditionRows(
  db: DbOrTx,
  params: { sellerId: number; rows: readonly ConditionCells[]; now?: Date },
): Promise<{ problems: LineProblem[]; updates: ConditionUpdateRow[]; fields: ConditionField[] }> {
  const now = params.now ?? new Date();
  const checked: CheckedRow[] = params.rows.map((cells) => {
    const imei = (cells.imei ?? '').trim();
    const serial = (cells.serial ?? '').trim();
    const { update, reasons } = readConditionRow(cells, now);
    if (!imei && !serial) reasons.unshift('needs an IMEI or a serial number');
    else if (imei && imeiReason(imei)) reasons.unshift(`IMEI: ${imeiReason(imei)}`);
    if (!Object.keys(update).length && !reasons.length) reasons.push('has no condition values to set');
    return { row: cells.row, deviceId: null, identifier: imei || serial, reasons, update };
  });
  const imeis = new Set<string>();
  const serials = new Set<string>();
  for (const [i, r] of checked.entries()) {
    const imei = (params.rows[i]!.imei ?? '').trim();
    if (imei && !imeiReason(imei)) imeis.add(imei);
    else if (!imei && r.identifier) serials.add(r.identifier.toLowerCase());
  }
  const found = await findDevicesByIdentifier(db, { sellerId: params.sellerId, imeis: [...imeis], serials: [...serials] });
  const firstRowOf = new Map<number, number>();
  const problems: LineProblem[] = [];
  const updates: ConditionUpdateRow[] = [];
  const fields = new Set<ConditionField>();
  for (const [i, r] of checked.entries()) {
    const imei = (params.rows[i]!.imei ?? '').trim();
    if (r.identifier && !(imei && imeiReason(imei))) {
      const id = imei ? found.byImei.get(imei) : found.bySerial.get(r.identifier.toLowerCase());
      if (id === undefined) r.reasons.unshift(imei ? 'no device with this IMEI in your inventory' : 'no device with this serial number in your inventory');
      else if (firstRowOf.has(id)) r.reasons.unshift(`the same device as row ${firstRowOf.get(id)}`);
      else {
        firstRowOf.set(id, r.row);
        r.deviceId = id;
      }
    }
    if (r.reasons.length) problems.push({ line: r.row, value: r.identifier || '(no IMEI or serial)', reason: r.reasons.join('; ') });
    else {
      updates.push({ deviceId: r.deviceId!, update: r.update });
      for (const f of conditionFields) if (f in r.update) fields.add(f);
    }
  }
  return { problems, updates, fields: conditionFields.filter((f) => fields.has(f)) };
}

function refuseProblems(problems: LineProblem[]): never {
  const rows = new Set(problems.map((p) => p.line)).size;
  throw new Refusal(
    `${rows === 1 ? '1 row has' : `${rows.toLocaleString('en-US')} rows have`} problems, so nothing was imported. Fix them and import the file again.`,
    { problems: problems.slice(0, 1000) },
  );
}

/**
 * Imports condition data for existing devices, all or nothing: every row is checked
 * again inside one transaction, and only when none has a problem are all devices
 * updated in one statement, with one audit entry (count, and before → after per device).
 */
export async function importDeviceCondition(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; rows: readonly ConditionCells[]; fileName?: string; now?: Date },
): Promise<{ updated: number; changed: number }> {
  if (!params.rows.length) throw new Refusal('The file has no device rows.', { code: 'empty' });
  if (params.rows.length > MAX_CONDITION_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_CONDITION_ROWS.toLocaleString('en-US')} rows; split it. Nothing was imported.`, { code: 'too_large' });
  }
  return db.transaction(async (tx) => {
    const { problems, updates, fields } = await checkDeviceConditionRows(tx, params);
    if (problems.length) refuseProblems(problems);
    return applyConditionUpdates(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'devices.condition_import',
      details: { fields, ...(params.fileName ? { file: params.fileName.slice(0, 120) } : {}) },
      rows: updates,
    });
  });
}

/** Rows per chunk the browser sends (a 100,000-row file does not fit one request). */
export const CONDITION_CHUNK_ROWS = 2000;

type UploadScope = { sellerId: number; actor: StaffActor; uploadKey: string };

/**
 * Checks one chunk of a file and, when it has no problem, keeps it for the import: the
 * preview's answer is the chunk's problems. A chunk sent again (a retry) replaces the
 * earlier one. The seller's chunks older than a day are deleted on the way.
 */
export async function stageDeviceConditionChunk(
  db: DbOrTx,
  params: UploadScope & { position: number; rows: readonly ConditionCells[] },
): Promise<{ problems: LineProblem[]; matched: number }> {
  const { sellerId } = params;
  if (params.position * CONDITION_CHUNK_ROWS >= MAX_CONDITION_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_CONDITION_ROWS.toLocaleString('en-US')} rows; split it.`, { code: 'too_large' });
  }
  const { problems, updates } = await checkDeviceConditionRows(db, params);
  const chunk = and(
    eq(deviceConditionUploadChunks.sellerId, sellerId),
    eq(deviceConditionUploadChunks.staffUserId, params.actor.staffUserId),
    eq(deviceConditionUploadChunks.uploadKey, params.uploadKey),
    eq(deviceConditionUploadChunks.position, params.position),
  );
  await db.transaction(async (tx) => {
    await tx
      .delete(deviceConditionUploadChunks)
      .where(and(eq(deviceConditionUploadChunks.sellerId, sellerId), lt(deviceConditionUploadChunks.createdAt, sql`now() - interval '1 day'`)));
    // A chunk with problems is not kept: the file cannot be imported until it is fixed and checked again.
    if (problems.length) {
      await tx.delete(deviceConditionUploadChunks).where(chunk);
      return;
    }
    await tx
      .insert(deviceConditionUploadChunks)
      .values({ sellerId, staffUserId: params.actor.staffUserId, uploadKey: params.uploadKey, position: params.position, rows: [...params.rows] })
      .onConflictDoUpdate({
        target: [deviceConditionUploadChunks.sellerId, deviceConditionUploadChunks.staffUserId, deviceConditionUploadChunks.uploadKey, deviceConditionUploadChunks.position],
        set: { rows: [...params.rows], createdAt: sql`now()` },
      });
  });
  return { problems, matched: updates.length };
}

/**
 * Imports every chunk of an upload in one transaction (checked again, all or
 * nothing, devices repeated across chunks refused), then deletes the chunks.
 * Only the seller's staff user who uploaded them can import them.
 */
export async function importStagedDeviceCondition(
  db: DbOrTx,
  params: UploadScope & { chunks: number; fileName?: string; now?: Date },
): Promise<{ updated: number; changed: number }> {
  const scope = and(
    eq(deviceConditionUploadChunks.sellerId, params.sellerId),
    eq(deviceConditionUploadChunks.staffUserId, params.actor.staffUserId),
    eq(deviceConditionUploadChunks.uploadKey, params.uploadKey),
  );
  return db.transaction(async (tx) => {
    const chunks = await tx
      .select({ position: deviceConditionUploadChunks.position, rows: deviceConditionUploadChunks.rows })
      .from(deviceConditionUploadChunks)
      .where(scope)
      .orderBy(asc(deviceConditionUploadChunks.position))
      .for('update');
    if (chunks.length !== params.chunks || chunks.some((c, i) => c.position !== i)) {
      throw new Refusal('This file is no longer ready to import (it was imported already, or it is more than a day old). Choose it again.', { code: 'not_found' });
    }
    const rows = chunks.flatMap((c) => c.rows as ConditionCells[]);
    const outcome = await importDeviceCondition(tx, { ...params, rows });
    await tx.delete(deviceConditionUploadChunks).where(scope);
    return outcome;
  });
}
