import { z } from 'zod';
import {
  blacklistStates,
  carrierLockStates,
  functionalTestResults,
  lockStates,
  type DeviceCondition,
} from '@/lib/device-condition';
import { conditionImportFields, MAX_FAILED_CHECKS, splitFailedChecks } from '@/lib/inventory/diagnostics-csv';
import { MAX_DEVICES_PER_BATCH } from '@/lib/inventory/identifiers';
import { optionalText, optionalWholeNumber } from './form-values';

const batteryHealth = optionalWholeNumber(0, 100, 'Battery health is a whole percentage from 0 to 100.');
const batteryCycles = optionalWholeNumber(0, 100_000, 'The cycle count is a whole number from 0 to 100,000.');
const carrier = optionalText(40, 'A carrier name is at most 40 characters.');
const failedChecks = z
  .string()
  .max(4000, 'That list of failed checks is too long.')
  .default('')
  .transform((v) => splitFailedChecks(v))
  .refine((v) => v.length <= MAX_FAILED_CHECKS, `At most ${MAX_FAILED_CHECKS} failed checks.`)
  .refine((v) => v.every((c) => c.length <= 60), 'A failed check is at most 60 characters.');
const functionalTest = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(functionalTestResults).nullable());
const testedAt = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), 'Enter the test date as YYYY-MM-DD.')
  .transform((v, ctx) => {
    if (!v) return null;
    const d = new Date(`${v}T12:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: 'custom', message: 'That test date does not exist.' });
      return z.NEVER;
    }
    if (d.getTime() > Date.now() + 36 * 3600 * 1000) {
      ctx.addIssue({ code: 'custom', message: 'The test date is in the future.' });
      return z.NEVER;
    }
    return d;
  });

/** Rules that span fields: a locked phone may name its carrier, a passed test lists no failed checks. */
function consistent<T extends Partial<Pick<DeviceCondition, 'functionalTest' | 'failedChecks'>>>(v: T, ctx: z.RefinementCtx) {
  if (v.functionalTest === 'pass' && v.failedChecks?.length) {
    ctx.addIssue({ code: 'custom', path: ['failedChecks'], message: 'A passed test lists no failed checks; clear them or choose Fail.' });
  }
}

/** The device page's condition form; the same schema checks the form and the action. */
export const deviceConditionFieldsSchema = z.object({
  batteryHealth,
  batteryCycles,
  carrierLock: z.enum(carrierLockStates, { message: 'Choose the carrier lock.' }),
  carrier,
  blacklistStatus: z.enum(blacklistStates, { message: 'Choose the blacklist status.' }),
  activationLock: z.enum(lockStates, { message: 'Choose the activation lock.' }),
  mdmLock: z.enum(lockStates, { message: 'Choose the MDM status.' }),
  frpLock: z.enum(lockStates, { message: 'Choose the FRP status.' }),
  functionalTest,
  failedChecks,
  cosmeticNotes: optionalText(500, 'Cosmetic notes are at most 500 characters.'),
  testedAt,
  testSource: optionalText(60, 'The test source is at most 60 characters.'),
});

export const deviceConditionFormSchema = deviceConditionFieldsSchema.superRefine(consistent).transform(
  (v): DeviceCondition => ({ ...v, carrier: v.carrierLock === 'unlocked' ? null : v.carrier }),
);

export const updateDeviceConditionSchema = z
  .object({ deviceId: z.coerce.number().int().positive() })
  .and(deviceConditionFormSchema);

/** A select of the paste form: '' keeps the devices' own value. */
const keep = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.enum(values).optional());

/** The paste form: the IMEIs, and each value to set ('' or left out: unchanged). */
export const conditionPasteSchema = z
  .object({
    text: z.string().max(MAX_DEVICES_PER_BATCH * 48, 'That paste is too long.'),
    batteryHealth: z.preprocess((v) => (v === '' ? undefined : v), batteryHealth.optional()),
    carrierLock: keep(carrierLockStates),
    carrier: z.preprocess((v) => (v === '' ? undefined : v), carrier.optional()),
    blacklistStatus: keep(blacklistStates),
    activationLock: keep(lockStates),
    mdmLock: keep(lockStates),
    frpLock: keep(lockStates),
    functionalTest: keep(functionalTestResults),
    failedChecks: z.preprocess((v) => (v === '' ? undefined : v), failedChecks.optional()),
    testedAt: z.preprocess((v) => (v === '' ? undefined : v), testedAt.optional()),
    testSource: z.preprocess((v) => (v === '' ? undefined : v), optionalText(60, 'The test source is at most 60 characters.').optional()),
  })
  .superRefine(consistent);
export type ConditionPasteInput = z.input<typeof conditionPasteSchema>;

export const previewConditionPasteSchema = z.object({ text: conditionPasteSchema.shape.text });

/** One file row as the browser mapped it: the text of each mapped field. */
const cell = z.string().max(4000, 'A cell is too long.').optional();
export const conditionCellsSchema = z
  .object({ row: z.number().int().positive() })
  .extend(Object.fromEntries(conditionImportFields.map((f) => [f, cell])) as Record<(typeof conditionImportFields)[number], typeof cell>)
  .strict();

export const stageConditionChunkSchema = z.object({
  uploadKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Not a valid upload.'),
  position: z.number().int().min(0).max(1000),
  rows: z.array(conditionCellsSchema).min(1, 'The file has no device rows.').max(2000, 'Send at most 2,000 rows at a time.'),
});

export const importConditionUploadSchema = z.object({
  uploadKey: stageConditionChunkSchema.shape.uploadKey,
  chunks: z.number().int().min(1).max(1000),
  fileName: z.string().max(200).optional(),
});
