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
  reason: z.string().trim().max(500, 'A reason has at most 500 characters.').optional(),
});

const lineId = z.coerce.number({ error: 'Choose a device.' }).int('Choose a device.').positive('Choose a device.');

/** Staff decide one device of an RMA: approve it with a disposition and refund, or reject it with a reason. */
export const decideRmaLineSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    rmaNumber: documentNumber,
    lineId,
    disposition: z.enum(['return', 'keep_partial_refund'], { error: 'Choose return or keep with partial refund.' }),
    refund: z.string().trim().max(30, 'That amount is too long.').default(''),
  }),
  z.object({
    decision: z.literal('reject'),
    rmaNumber: documentNumber,
    lineId,
    reason: z.string().trim().min(1, 'Enter the reason the buyer will see.').max(500, 'A reason has at most 500 characters.'),
  }),
]);

/** The buyer cancels their own request while it is Requested. */
export const cancelRmaSchema = z.object({ rmaNumber: documentNumber });
