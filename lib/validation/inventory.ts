import { z } from 'zod';
import { MAX_DEVICES_PER_BATCH } from '@/lib/inventory/identifiers';
import type { SearchParams } from '@/lib/url-params';

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);
const optionalId = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Not a valid choice.' });
      return z.NEVER;
    }
    return n;
  });

/** Inventory list filters as they appear in the URL; also what "move all matching" sends back. */
export const deviceFiltersSchema = z.object({
  manufacturer: optionalText,
  model: optionalText,
  capacity: optionalText,
  color: optionalText,
  network: optionalText,
  grade: optionalText,
  sku: optionalText,
  productId: optionalId,
  statusId: optionalId,
  warehouseId: optionalId,
  committed: z
    .enum(['yes', 'no', ''])
    .optional()
    .transform((v) => v || undefined),
  q: optionalText,
});
export type DeviceFiltersInput = z.input<typeof deviceFiltersSchema>;

/** Reads filters from search params, dropping anything malformed rather than failing the page. */
export function deviceFiltersFromSearchParams(params: SearchParams) {
  const flat: Record<string, string> = {};
  for (const key of Object.keys(deviceFiltersSchema.shape)) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) flat[key] = first;
  }
  const parsed = deviceFiltersSchema.safeParse(flat);
  if (parsed.success) return parsed.data;
  // Keep the valid filters, drop the broken ones.
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  for (const key of bad) delete flat[key];
  return deviceFiltersSchema.parse(flat);
}

export const addDevicesSchema = z.object({
  kind: z.enum(['imei', 'serial'], { message: 'Choose IMEIs or serial numbers.' }),
  identifiers: z.string().max(MAX_DEVICES_PER_BATCH * 48, 'That paste is too long.'),
  productId: z.coerce.number({ message: 'Choose a product.' }).int().positive('Choose a product.'),
  warehouseId: z.coerce.number({ message: 'Choose a warehouse.' }).int().positive('Choose a warehouse.'),
  statusId: z.coerce.number({ message: 'Choose a status.' }).int().positive('Choose a status.'),
  cost: z.string().trim().max(20).default(''),
});

const moveTarget = {
  statusId: optionalId,
  warehouseId: optionalId,
};

const selectedDevices = {
  selection: z.literal('selected'),
  deviceIds: z.array(z.number().int().positive()).min(1, 'Select at least one device.').max(MAX_DEVICES_PER_BATCH),
};
const matchingDevices = { selection: z.literal('filter'), filters: deviceFiltersSchema };

/** What a bulk move would touch: the ticked devices, or every device matching the list's filter. */
export const previewDeviceMoveSchema = z.union([z.object(selectedDevices), z.object(matchingDevices)]);

/** Committed devices stay where they are unless `includeCommitted` is true. */
const includeCommitted = { includeCommitted: z.boolean().optional().default(false) };

export const moveDevicesSchema = z.union([
  z.object({ ...selectedDevices, ...moveTarget, ...includeCommitted }),
  z.object({ ...matchingDevices, ...moveTarget, ...includeCommitted }),
]);

/** One CSV row as the browser read it; the server checks everything again. */
export const deviceImportRowSchema = z.object({
  row: z.number().int().positive(),
  imei: z.string().max(64).default(''),
  serial: z.string().max(64).default(''),
  sku: z.string().max(120).default(''),
  warehouse: z.string().max(120).default(''),
  status: z.string().max(120).default(''),
  cost: z.string().max(40).default(''),
  received: z.string().max(40).default(''),
});
export type DeviceImportRow = z.infer<typeof deviceImportRowSchema>;

export const deviceImportSchema = z.object({
  rows: z.array(deviceImportRowSchema).min(1, 'The file has no device rows.').max(MAX_DEVICES_PER_BATCH, `A file may hold at most ${MAX_DEVICES_PER_BATCH.toLocaleString('en-US')} devices; split it.`),
});
