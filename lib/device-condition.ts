/**
 * The condition data of one phone (battery, locks, blacklist, functional test), as
 * diagnostics tools report it. The database keeps the same values (check constraints on
 * `devices`); every layer names them through this module.
 */

export const carrierLockStates = ['unlocked', 'locked', 'unknown'] as const;
export type CarrierLockState = (typeof carrierLockStates)[number];

export const blacklistStates = ['clean', 'blacklisted', 'unknown'] as const;
export type BlacklistState = (typeof blacklistStates)[number];

/** Activation lock (iCloud / Find My), MDM enrolment and FRP (Google account) share one scale. */
export const lockStates = ['off', 'on', 'unknown'] as const;
export type LockState = (typeof lockStates)[number];

export const functionalTestResults = ['pass', 'fail'] as const;
export type FunctionalTestResult = (typeof functionalTestResults)[number];

export const carrierLockLabels: Record<CarrierLockState, string> = {
  unlocked: 'Unlocked',
  locked: 'Carrier locked',
  unknown: 'Lock unknown',
};

export const blacklistLabels: Record<BlacklistState, string> = {
  clean: 'Clean',
  blacklisted: 'Blacklisted',
  unknown: 'Unknown',
};

export const lockStateLabels: Record<LockState, string> = {
  off: 'Off',
  on: 'On',
  unknown: 'Unknown',
};

/**
 * Battery health bands, the For Sale filter's values. The bounds are inclusive lower
 * bounds in percent; a device with no reading is `unknown`.
 */
export const batteryBands = ['90-100', '80-89', '0-79', 'unknown'] as const;
export type BatteryBand = (typeof batteryBands)[number];

export const batteryBandLabels: Record<BatteryBand, string> = {
  '90-100': '90% and above',
  '80-89': '80–89%',
  '0-79': 'Under 80%',
  unknown: 'Not measured',
};

export function batteryBand(health: number | null | undefined): BatteryBand {
  if (health == null) return 'unknown';
  if (health >= 90) return '90-100';
  if (health >= 80) return '80-89';
  return '0-79';
}

/** What a device's condition holds; the column names of `devices` in camel case. */
export type DeviceCondition = {
  batteryHealth: number | null;
  batteryCycles: number | null;
  carrierLock: CarrierLockState;
  carrier: string | null;
  blacklistStatus: BlacklistState;
  activationLock: LockState;
  mdmLock: LockState;
  frpLock: LockState;
  functionalTest: FunctionalTestResult | null;
  failedChecks: string[];
  cosmeticNotes: string | null;
  testedAt: Date | null;
  testSource: string | null;
};

/** An empty condition: what a device holds before any test. */
export const untestedCondition: DeviceCondition = {
  batteryHealth: null,
  batteryCycles: null,
  carrierLock: 'unknown',
  carrier: null,
  blacklistStatus: 'unknown',
  activationLock: 'unknown',
  mdmLock: 'unknown',
  frpLock: 'unknown',
  functionalTest: null,
  failedChecks: [],
  cosmeticNotes: null,
  testedAt: null,
  testSource: null,
};

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const textOrNull = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Reads a `sold_condition` snapshot (JSON, keys as in DeviceCondition) back into its type. */
export function readSoldCondition(json: Record<string, unknown>): DeviceCondition {
  const tested = textOrNull(json.testedAt);
  return {
    batteryHealth: numberOrNull(json.batteryHealth),
    batteryCycles: numberOrNull(json.batteryCycles),
    carrierLock: pick(json.carrierLock, carrierLockStates, 'unknown'),
    carrier: textOrNull(json.carrier),
    blacklistStatus: pick(json.blacklistStatus, blacklistStates, 'unknown'),
    activationLock: pick(json.activationLock, lockStates, 'unknown'),
    mdmLock: pick(json.mdmLock, lockStates, 'unknown'),
    frpLock: pick(json.frpLock, lockStates, 'unknown'),
    functionalTest: json.functionalTest === 'pass' || json.functionalTest === 'fail' ? json.functionalTest : null,
    failedChecks: Array.isArray(json.failedChecks) ? json.failedChecks.filter((c): c is string => typeof c === 'string') : [],
    cosmeticNotes: textOrNull(json.cosmeticNotes),
    testedAt: tested ? new Date(tested) : null,
    testSource: textOrNull(json.testSource),
  };
}

/** "Locked to AT&T", "Unlocked", "Lock unknown". */
export function carrierLockText(c: Pick<DeviceCondition, 'carrierLock' | 'carrier'>): string {
  return c.carrierLock === 'locked' && c.carrier ? `Locked to ${c.carrier}` : carrierLockLabels[c.carrierLock];
}

/** "Pass", "Fail: Face ID, Rear camera", "Not tested". */
export function functionalTestText(c: Pick<DeviceCondition, 'functionalTest' | 'failedChecks'>): string {
  if (c.functionalTest === 'pass') return 'Pass';
  if (c.functionalTest === 'fail') return c.failedChecks.length ? `Fail: ${c.failedChecks.join(', ')}` : 'Fail';
  return 'Not tested';
}

/** The columns a buyer's CSV gets for a device's condition, in order, with their cells. */
export const conditionCsvHeaders = [
  'Battery health %',
  'Battery cycles',
  'Carrier lock',
  'Carrier',
  'Blacklist',
  'Activation lock',
  'MDM',
  'FRP',
  'Functional test',
  'Failed checks',
  'Cosmetic notes',
  'Tested on',
  'Test source',
] as const;

export function conditionCsvCells(c: DeviceCondition | null): (string | number | null)[] {
  if (!c) return conditionCsvHeaders.map(() => null);
  return [
    c.batteryHealth,
    c.batteryCycles,
    carrierLockLabels[c.carrierLock],
    c.carrier,
    blacklistLabels[c.blacklistStatus],
    lockStateLabels[c.activationLock],
    lockStateLabels[c.mdmLock],
    lockStateLabels[c.frpLock],
    c.functionalTest === 'pass' ? 'Pass' : c.functionalTest === 'fail' ? 'Fail' : 'Not tested',
    c.failedChecks.join('; '),
    c.cosmeticNotes,
    c.testedAt ? c.testedAt.toISOString().slice(0, 10) : null,
    c.testSource,
  ];
}
