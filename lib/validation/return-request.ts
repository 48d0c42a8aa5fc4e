import { z } from 'zod';

/** At most this many devices in one return request (a large return is split in a few). */
export const MAX_RETURN_DEVICES = 200;

export const returnRequestLineSchema = z
  .object({
    imei: z.string().trim().min(1, 'Enter the IMEI.').max(40),
    reason: z.string().trim().min(1, 'Say why this device is coming back.').max(500, 'Keep the reason under 500 characters.'),
    disposition: z.enum(['return', 'keep_partial_refund'], { error: 'Choose return or keep with a partial refund.' }),
    /** Typed amount, e.g. "25.00"; parsed into minor units on the server in the seller's currency. */
    requestedRefund: z.string().trim().max(20).default(''),
  })
  .superRefine((line, ctx) => {
    if (line.disposition === 'keep_partial_refund' && !line.requestedRefund) {
      ctx.addIssue({ code: 'custom', path: ['requestedRefund'], message: 'Enter the refund you ask for to keep the device.' });
    }
    // Only "is there a number": the server reads it in the seller's currency ("25,00" for EUR).
    if (line.requestedRefund && !/\d/.test(line.requestedRefund)) {
      ctx.addIssue({ code: 'custom', path: ['requestedRefund'], message: 'Enter an amount such as 25.00.' });
    }
  });

export const returnRequestSchema = z.object({
  lines: z
    .array(returnRequestLineSchema)
    .min(1, 'Add at least one device to return.')
    .max(MAX_RETURN_DEVICES, `A return request holds at most ${MAX_RETURN_DEVICES} devices.`),
  notes: z.string().trim().max(2000, 'Keep the notes under 2,000 characters.').default(''),
});

export type ReturnRequestInput = z.input<typeof returnRequestSchema>;
export type ReturnRequestLineInput = z.input<typeof returnRequestLineSchema>;

/** The "check these IMEIs" step: pasted text, split on the server like everywhere else. */
export const checkReturnDevicesSchema = z.object({
  imeis: z.array(z.string().trim().max(40)).min(1, 'Paste at least one IMEI.').max(MAX_RETURN_DEVICES),
});
