import {
  type BlacklistState,
  type CarrierLockState,
  type DeviceCondition,
  type FunctionalTestResult,
  type LockState,
} from '@/lib/device-condition';

/**
 * Diagnostics exports (Phonecheck, NSYS, 2nd-life and the like) name their columns
 * and values each their own way. This module maps their headers to our fields and
 * reads their values into the condition columns; the browser uses it for the
 * preview and the server again for the import. No database here.
 */

export const conditionImportFields = [
  'imei',
  'serial',
  'batteryHealth',
  'batteryCycles',
  'carrierLock',
  'carrier',
  'blacklistStatus',
  'activationLock',
  'mdmLock',
  'frpLock',
  'functionalTest',
  'failedChecks',
  'cosmeticNotes',
  'testedAt',
  'testSource',
] as const;
export type ConditionImportField = (typeof conditionImportFields)[number];
/** The fields that change a device (all but the identifiers). */
export type ConditionField = Exclude<ConditionImportField, 'imei' | 'serial'>;
export const conditionFields = conditionImportFields.filter((f): f is ConditionField => f !== 'imei' && f !== 'serial');

export const conditionFieldLabels: Record<ConditionImportField, string> = {
  imei: 'IMEI',
  serial: 'Serial number',
  batteryHealth: 'Battery health %',
  batteryCycles: 'Battery cycle count',
  carrierLock: 'Carrier lock',
  carrier: 'Carrier',
  blacklistStatus: 'Blacklist',
  activationLock: 'Activation lock (iCloud / Find My)',
  mdmLock: 'MDM',
  frpLock: 'FRP (Google lock)',
  functionalTest: 'Functional test',
  failedChecks: 'Failed checks',
  cosmeticNotes: 'Cosmetic notes',
  testedAt: 'Test date',
  testSource: 'Test source',
};

/** Headers as the common exports write them, compared without case, spaces or punctuation. */
const headerAliases: Record<ConditionImportField, string[]> = {
  imei: ['imei', 'imei1', 'imeinumber', 'imeimeid', 'meid', 'deviceimei'],
  serial: ['serial', 'serialnumber', 'serialno', 'sn', 'deviceserial'],
  batteryHealth: ['batteryhealth', 'batteryhealthpercent', 'batteryhealthpct', 'batterypercent', 'battery', 'bh', 'batterycapacity', 'maxcapacity'],
  batteryCycles: ['cyclecount', 'batterycyclecount', 'batterycycles', 'cycles', 'batterycycle'],
  carrierLock: ['carrierlock', 'simlock', 'carrierlockstatus', 'simlockstatus', 'networklock', 'lockstatus', 'locked'],
  carrier: ['carrier', 'lockedcarrier', 'carriername', 'originalcarrier'],
  blacklistStatus: ['blacklist', 'blackliststatus', 'esnstatus', 'esn', 'esncheck', 'gsmablacklist', 'blacklisted'],
  activationLock: ['icloud', 'icloudstatus', 'icloudlock', 'findmyiphone', 'findmy', 'fmi', 'fmip', 'activationlock', 'activationlockstatus'],
  mdmLock: ['mdm', 'mdmstatus', 'mdmlock'],
  frpLock: ['frp', 'frpstatus', 'frplock', 'googlelock', 'googleaccount'],
  functionalTest: ['functionalresult', 'testresult', 'functionaltest', 'functional', 'result', 'overallresult', 'functionalstatus'],
  failedChecks: ['failed', 'failedtests', 'failedchecks', 'failedfunctions', 'faileditems', 'failures'],
  cosmeticNotes: ['cosmetic', 'gradenotes', 'cosmeticnotes', 'cosmeticgrade', 'notes', 'comments'],
  testedAt: ['testdate', 'tested', 'testedat', 'testedon', 'date', 'testdatetime', 'lasttested'],
  testSource: ['source', 'tool', 'testsource', 'testtool', 'software'],
};

function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The field a file column is for, or null. "BatteryHealth %" → batteryHealth, "SIM Lock" → carrierLock. */
export function fieldOfHeader(header: string): ConditionImportField | null {
  const key = headerKey(header);
  if (!key) return null;
  for (const field of conditionImportFields) if (headerAliases[field].includes(key)) return field;
  return null;
}

/** A file column's field, or null when the column is ignored. One column per field. */
export type ColumnMapping = (ConditionImportField | null)[];

/** The automatic mapping of a file's header row; a field named twice keeps its first column. */
export function mapConditionHeaders(headers: readonly string[]): ColumnMapping {
  const taken = new Set<ConditionImportField>();
  return headers.map((h) => {
    const field = fieldOfHeader(h);
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Why a mapping cannot be imported: no identifier column, a field chosen twice, nothing to change. */
export function mappingProblems(mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const seen = new Map<ConditionImportField, number>();
  for (const field of mapping) if (field) seen.set(field, (seen.get(field) ?? 0) + 1);
  if (!seen.has('imei') && !seen.has('serial')) problems.push('Choose the column that holds the IMEI (or the serial number).');
  for (const [field, n] of seen) if (n > 1) problems.push(`${conditionFieldLabels[field]} is chosen for ${n} columns; choose it once.`);
  if (!conditionFields.some((f) => seen.has(f))) problems.push('Choose at least one column of condition data to import.');
  return problems;
}

/** One file row as the mapping reads it: the text of each mapped field. */
export type ConditionCells = { row: number } & Partial<Record<ConditionImportField, string>>;

export function cellsOfRow(row: number, values: readonly string[], mapping: ColumnMapping): ConditionCells {
  const cells: ConditionCells = { row };
  mapping.forEach((field, i) => {
    if (field) cells[field] = values[i] ?? '';
  });
  return cells;
}

/** The values one row sets; a field left out (or an empty cell) stays as it is. */
export type ConditionUpdate = Partial<DeviceCondition>;

const word = (v: string) => v.trim().toLowerCase().replace(/\s+/g, ' ');

const yes = new Set(['yes', 'y', 'on', 'true', '1', 'locked', 'enabled', 'active', 'detected']);
const no = new Set(['no', 'n', 'off', 'false', '0', 'unlocked', 'disabled', 'inactive', 'clean', 'not detected', 'none']);
const unknownWords = new Set(['unknown', 'n/a', 'na', '?', 'not checked', 'unchecked', '-']);

function readLockState(value: string): LockState | null {
  const v = word(value);
  if (yes.has(v)) return 'on';
  if (no.has(v)) return 'off';
  if (unknownWords.has(v)) return 'unknown';
  return null;
}

function readBlacklist(value: string): BlacklistState | null {
  const v = word(value);
  if (['clean', 'no', 'off', 'good', 'pass', 'passed', 'ok', 'not blacklisted', 'false'].includes(v)) return 'clean';
  if (['lost', 'stolen', 'blocked', 'blacklisted', 'yes', 'on', 'barred', 'bad', 'fail', 'failed', 'true', 'lost/stolen', 'lost or stolen', 'unpaid', 'fraud'].includes(v)) {
    return 'blacklisted';
  }
  if (unknownWords.has(v)) return 'unknown';
  return null;
}

/** "Unlocked", "Locked to AT&T", "AT&T Locked", "Locked (Verizon)", "Yes". */
function readCarrierLock(value: string): { lock: CarrierLockState; carrier?: string } | null {
  const v = value.trim();
  const w = word(v);
  if (['unlocked', 'no', 'off', 'false', 'open', 'factory unlocked', 'sim free', 'not locked'].includes(w)) return { lock: 'unlocked' };
  if (['locked', 'yes', 'on', 'true', 'carrier locked', 'sim locked'].includes(w)) return { lock: 'locked' };
  if (unknownWords.has(w)) return { lock: 'unknown' };
  const to = /^(?:carrier\s+)?locked\s*(?:to|:|-|\()\s*(.+?)\)?$/i.exec(v) ?? /^(.+?)\s+locked$/i.exec(v);
  if (to?.[1]?.trim()) return { lock: 'locked', carrier: to[1].trim() };
  return null;
}

function readFunctional(value: string): FunctionalTestResult | null {
  const v = word(value);
  if (['pass', 'passed', 'ok', 'yes', 'good', 'all passed', 'fully functional', 'functional'].includes(v)) return 'pass';
  if (['fail', 'failed', 'no', 'bad', 'not functional', 'non functional', 'non-functional'].includes(v)) return 'fail';
  return null;
}

/** "87%", "87", "87.4 %" → 87. */
function readPercent(value: string): number | null {
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(value.trim());
  return m ? Math.round(Number(m[1])) : null;
}

/** 2026-11-03, 2026-11-03 14:05(:09), 2026-11-03T14:05:09Z, 11/03/2026 (month first, as US tools write it). */
export function readTestDate(value: string): Date | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
    const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${zone ? (zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : 'Z'}`;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    // 2026-02-30 rolls over to March in Date; refuse it.
    const day = new Date(`${y}-${mo}-${d}T00:00:00Z`);
    return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== `${y}-${mo}-${d}` ? null : date;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (m) {
    const [, mo, d, y, h = '0', mi = '00', s = '00'] = m;
    const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    const date = new Date(`${iso}T${h.padStart(2, '0')}:${mi}:${s}Z`);
    return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : date;
  }
  return null;
}

export const MAX_FAILED_CHECKS = 40;
const MAX_CHECK_NAME = 60;
const MAX_COSMETIC = 500;
const MAX_SOURCE = 60;
const MAX_CARRIER = 40;

/** Failed checks as the exports list them: "Face ID; Rear camera", "Face ID, Rear camera", "Face ID | Rear camera". */
export function splitFailedChecks(value: string): string[] {
  return [...new Set(value.split(/[;,|\n]+/).map((c) => c.trim().replace(/\s+/g, ' ')).filter(Boolean))];
}

/**
 * Reads one row's cells into the values to set, with the reasons it cannot be
 * imported. `now` bounds the test date (a day ahead is allowed for time zones).
 */
export function readConditionRow(cells: ConditionCells, now: Date = new Date()): { update: ConditionUpdate; reasons: string[] } {
  const update: ConditionUpdate = {};
  const reasons: string[] = [];
  const cell = (f: ConditionImportField) => (cells[f] ?? '').trim();

  const health = cell('batteryHealth');
  if (health) {
    const n = readPercent(health);
    if (n === null || n > 100) reasons.push(`battery health "${health}" is not a percentage from 0 to 100`);
    else update.batteryHealth = n;
  }
  const cycles = cell('batteryCycles');
  if (cycles) {
    const n = /^\d{1,6}$/.test(cycles.replace(/,/g, '')) ? Number(cycles.replace(/,/g, '')) : NaN;
    if (!Number.isInteger(n) || n > 100_000) reasons.push(`cycle count "${cycles}" is not a whole number from 0 to 100,000`);
    else update.batteryCycles = n;
  }
  const lock = cell('carrierLock');
  const carrier = cell('carrier');
  if (lock) {
    const read = readCarrierLock(lock);
    if (!read) reasons.push(`carrier lock "${lock}" is not one of Unlocked, Locked, Locked to <carrier>, Unknown`);
    else {
      update.carrierLock = read.lock;
      // An unlocked phone is locked to no carrier; a locked one keeps the carrier its cell or the carrier column names.
      update.carrier = read.lock === 'unlocked' ? null : (read.carrier ?? (carrier || undefined));
      if (update.carrier === undefined) delete update.carrier;
    }
  } else if (carrier) {
    update.carrier = carrier;
  }
  if (update.carrier && update.carrier.length > MAX_CARRIER) reasons.push(`carrier is longer than ${MAX_CARRIER} characters`);

  const states: [ConditionField & ('blacklistStatus' | 'activationLock' | 'mdmLock' | 'frpLock'), string, string][] = [
    ['blacklistStatus', 'blacklist', 'Clean, Blacklisted (Lost, Stolen, Blocked), Unknown'],
    ['activationLock', 'activation lock', 'On, Off, Unknown'],
    ['mdmLock', 'MDM', 'On, Off, Unknown'],
    ['frpLock', 'FRP', 'On, Off, Unknown'],
  ];
  for (const [field, name, choices] of states) {
    const value = cell(field);
    if (!value) continue;
    const read = field === 'blacklistStatus' ? readBlacklist(value) : readLockState(value);
    if (!read) reasons.push(`${name} "${value}" is not one of ${choices}`);
    else (update as Record<string, unknown>)[field] = read;
  }

  const result = cell('functionalTest');
  const failed = cell('failedChecks');
  const checks = failed ? splitFailedChecks(failed).filter((c) => !['none', 'n/a', '-'].includes(c.toLowerCase())) : null;
  if (result) {
    const read = readFunctional(result);
    if (!read) reasons.push(`functional test "${result}" is not Pass or Fail`);
    else update.functionalTest = read;
  }
  if (checks) {
    if (checks.length > MAX_FAILED_CHECKS) reasons.push(`more than ${MAX_FAILED_CHECKS} failed checks`);
    else if (checks.some((c) => c.length > MAX_CHECK_NAME)) reasons.push(`a failed check is longer than ${MAX_CHECK_NAME} characters`);
    else update.failedChecks = checks;
    if (checks.length && !result) update.functionalTest = 'fail';
  }
  if (update.functionalTest === 'pass') {
    if (update.failedChecks?.length) reasons.push('the functional test passed but failed checks are listed');
    else update.failedChecks = [];
  }

  const cosmetic = cell('cosmeticNotes');
  if (cosmetic) {
    if (cosmetic.length > MAX_COSMETIC) reasons.push(`cosmetic notes are longer than ${MAX_COSMETIC} characters`);
    else update.cosmeticNotes = cosmetic;
  }
  const tested = cell('testedAt');
  if (tested) {
    const date = readTestDate(tested);
    if (!date) reasons.push(`test date "${tested}" is not a date like 2026-11-03 or 11/03/2026`);
    else if (date.getTime() > now.getTime() + 24 * 3600 * 1000) reasons.push(`test date "${tested}" is in the future`);
    else update.testedAt = date;
  }
  const source = cell('testSource');
  if (source) {
    if (source.length > MAX_SOURCE) reasons.push(`test source is longer than ${MAX_SOURCE} characters`);
    else update.testSource = source;
  }
  return { update, reasons };
}
