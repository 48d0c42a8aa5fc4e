import { z } from 'zod';

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .nullish()
    .transform((v) => v || null);

/**
 * What the checkout form sends. Nothing about products or prices: those are
 * read from the cart and the catalogue on the server.
 */
export const checkoutSchema = z.object({
  paymentMethodId: z.coerce
    .number({ error: 'Choose a payment method.' })
    .int('Choose a payment method.')
    .positive('Choose a payment method.'),
  /** One of the organization's shipping addresses (checked on the server); none: its default. */
  shipToAddressId: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce.number({ error: 'Choose a shipping address.' }).int('Choose a shipping address.').positive('Choose a shipping address.').nullable(),
  ),
  poNumber: optionalText(100, 'The PO number'),
  notes: optionalText(2000, 'Notes'),
  /** Made when the checkout page renders; a second submission with it finds the first order. */
  idempotencyKey: z
    .string({ error: 'Reload the checkout page and try again.' })
    .regex(/^[A-Za-z0-9-]{16,64}$/, 'Reload the checkout page and try again.'),
});

export type CheckoutInput = z.input<typeof checkoutSchema>;
export type CheckoutValues = z.output<typeof checkoutSchema>;
