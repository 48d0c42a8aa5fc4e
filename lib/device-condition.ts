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
