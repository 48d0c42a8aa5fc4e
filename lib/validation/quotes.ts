import { z } from 'zod';
import { checkoutSchema } from './checkout';
import { documentNumber } from './orders';

/** Repeated form fields arrive as a string for one line and an array for more. */
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, 'Too many lines.'));

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .nullish()
    .transform((v) => v || null);

const idempotencyKey = checkoutSchema.shape.idempotencyKey;

export const QUOTE_STATUSES = ['requested', 'answered', 'expired', 'accepted', 'declined', 'withdrawn'] as const;
/** A quote's status as people read it: `expired` is an answered quote past its validity date. */
export type QuoteDisplayStatus = (typeof QUOTE_STATUSES)[number];

export const quoteStatusNames: Record<QuoteDisplayStatus, string> = {
  requested: 'Requested',
  answered: 'Answered',
  expired: 'Expired',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

/**
 * The request form: the buyer's message and a target unit price per cart
 * line (typed text, read in the seller's currency on the server). The lines
 * themselves are read from the cart on the server.
 */
export const requestQuoteSchema = z
  .object({
    idempotencyKey,
    message: optionalText(2000, 'The message'),
    productId: list(z.coerce.number().int().positive().max(2_147_483_647), 500),
    targetPrice: list(z.string().trim().max(30, 'That amount is too long.'), 500),
  })
  .refine((v) => v.productId.length === v.targetPrice.length, { message: 'Reload the page and try again.' })
  .transform(({ productId, targetPrice, ...rest }) => ({
    ...rest,
    /** Target price text per product; blank: no target. */
    targets: productId.map((id, i) => ({ productId: id, price: targetPrice[i] ?? '' })),
  }));
export type RequestQuoteValues = z.output<typeof requestQuoteSchema>;

/** Staff's answer: a unit price for every line, the last day it holds and a note. */
export const answerQuoteSchema = z
  .object({
    number: documentNumber,
    validUntil: z.string({ error: 'Choose the date the prices hold until.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose the date the prices hold until.'),
    note: optionalText(2000, 'The note'),
    lineId: list(z.coerce.number().int().positive().max(2_147_483_647), 500),
    price: list(z.string().trim().max(30, 'That amount is too long.'), 500),
  })
  .refine((v) => v.lineId.length === v.price.length, { message: 'Reload the page and try again.' })
  .transform(({ lineId, price, ...rest }) => ({ ...rest, prices: lineId.map((id, i) => ({ lineId: id, price: price[i] ?? '' })) }));
export type AnswerQuoteValues = z.output<typeof answerQuoteSchema>;

export const quoteRefSchema = z.object({ number: documentNumber });

/** Accepting an answered quote: like checkout, a payment method from the offered ones and an optional PO number. */
export const acceptQuoteSchema = z.object({
  number: documentNumber,
  paymentMethodId: checkoutSchema.shape.paymentMethodId,
  poNumber: optionalText(100, 'The PO number'),
});
export type AcceptQuoteValues = z.output<typeof acceptQuoteSchema>;
