import type { DbOrTx } from '@/db';
import type { AuditActor } from '@/db/queries/audit';
import { identifierProblem, MAX_DEVICES_PER_BATCH } from '@/lib/inventory/identifiers';
import { splitPastedIdentifiers } from '@/lib/imei';
import { conditionFields, type ConditionUpdate } from '@/lib/inventory/diagnostics-csv';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { applyConditionUpdates } from './apply-condition-updates';
import { findDevicesByIdentifier } from './import-device-condition';

export type ConditionPastePreview = { matched: number; problems: LineProblem[] };

/**
 * The pasted IMEIs (or serial numbers: anything that is not 15 digits) that name the
 * seller's devices, each once; the rest are problems naming their line. One statement.
 */
async function matchPaste(db: DbOrTx, params: { sellerId: number; text: string }): Promise<{ ids: number[]; problems: LineProblem[] }> {
  const entries = splitPastedIdentifiers(params.text);
  if (!entries.length) throw new Refusal('Paste at least one IMEI.', { code: 'empty', fieldErrors: { text: ['Paste at least one IMEI.'] } });
  if (entries.length > MAX_DEVICES_PER_BATCH) {
    throw new Refusal(`At most ${MAX_DEVICES_PER_BATCH.toLocaleString('en-US')} IMEIs per paste; this one has ${entries.length.toLocaleString('en-US')}. Nothing was changed.`, { code: 'too_large' });
  }
  const isImei = (v: string) => /^\d+$/.test(v);
  const problems: LineProblem[] = [];
  const wellFormed: { value: string; line: number; kind: 'imei' | 'serial' }[] = [];
  for (const e of entries) {
    const kind = isImei(e.value) ? 'imei' : 'serial';
    const problem = identifierProblem(kind, e.value);
    if (problem) problems.push({ line: e.line, value: e.value, reason: kind === 'imei' ? `not a valid IMEI: ${problem}` : problem });
    else wellFormed.push({ ...e, kind });
  }
  const found = await findDevicesByIdentifier(db, {
    sellerId: params.sellerId,
    imeis: wellFormed.filter((e) => e.kind === 'imei').map((e) => e.value),
    serials: wellFormed.filter((e) => e.kind === 'serial').map((e) => e.value.toLowerCase()),
  });
  const firstLine = new Map<number, number>();
  for (const e of wellFormed) {
    const id = e.kind === 'imei' ? found.byImei.get(e.value) : found.bySerial.get(e.value.toLowerCase());
    if (id === undefined) problems.push({ line: e.line, value: e.value, reason: `no device with this ${e.kind === 'imei' ? 'IMEI' : 'serial number'} in your inventory` });
    else if (firstLine.has(id)) problems.push({ line: e.line, value: e.value, reason: `the same device as line ${firstLine.get(id)}` });
    else firstLine.set(id, e.line);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ids: [...firstLine.keys()], problems };
}

function requireValues(values: ConditionUpdate) {
  if (!conditionFields.some((f) => f in values)) {
    throw new Refusal('Choose at least one value to set.', { code: 'invalid' });
  }
}

/** How many pasted devices the update would change, and the lines it refuses; writes nothing. */
export async function previewConditionPaste(db: DbOrTx, params: { sellerId: number; text: string }): Promise<ConditionPastePreview> {
  const { ids, problems } = await matchPaste(db, params);
  return { matched: ids.length, problems };
}

/**
 * Sets the chosen values on every pasted device, all or nothing, in one transaction
 * and one UPDATE, audited (one entry: the values, the count, before → after per device).
 */
export async function applyConditionPaste(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; text: string; values: ConditionUpdate },
): Promise<{ updated: number; changed: number }> {
  requireValues(params.values);
  return db.transaction(async (tx) => {
    const { ids, problems } = await matchPaste(tx, params);
    if (problems.length) {
      throw new Refusal(
        `Nothing was changed: ${problems.length === 1 ? '1 line' : `${problems.length.toLocaleString('en-US')} lines`} of the paste cannot be used. Fix ${problems.length === 1 ? 'it' : 'them'} and try again.`,
        { problems: problems.slice(0, 1000) },
      );
    }
    return applyConditionUpdates(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'devices.condition_paste',
      details: { fields: conditionFields.filter((f) => f in params.values) },
      rows: ids.map((deviceId) => ({ deviceId, update: params.values })),
    });
  });
}
