import { z } from 'zod';
import { documentNumber } from './orders';

const organizationId = z.coerce
  .number({ error: 'Choose an organization.' })
  .int('Choose an organization.')
  .positive('Choose an organization.');

export const checkRmaDevicesSchema = z.object({
  organizationId,
  imeis: z.string().trim().min(1, 'Paste at least one IMEI.').max(50_000, 'That paste is too long.'),
});

export const rmaLineSchema = z.object({
  imei: z.string().trim().min(1).max(40),
  reason: z.string().max(500, 'A reason has at most 500 characters.'),
  disposition: z.enum(['return', 'keep_partial_refund'], { error: 'Choose return or keep with partial refund.' }),
  refund: z.string().trim().max(30, 'That amount is too long.'),
});

export const createRmaSchema = z.object({
  organizationId,
  notes: z.string().trim().max(2000, 'Notes have at most 2,000 characters.').optional(),
  lines: z.array(rmaLineSchema).min(1, 'Add at least one device.').max(500, 'At most 500 devices per RMA.'),
});
export type CreateRmaInput = z.input<typeof createRmaSchema>;

const optionalId = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? null : v),
  z.coerce.number().int().positive().nullable(),
);

export const changeRmaStatusSchema = z.object({
  rmaNumber: documentNumber,
  to: z.enum(['requested', 'open', 'received', 'resolved', 'rejected']),
  resolution: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['refund', 'credit']).optional()),
  statusId: optionalId,
  warehouseId: optionalId,
});
