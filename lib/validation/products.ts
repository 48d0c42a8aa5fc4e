import { z } from 'zod';
import { moneyExample, readMoney } from '@/lib/money';

const attribute = (label: string, required = false) => {
  const base = z.string().trim().max(80, `${label} is at most 80 characters.`);
  return required ? base.min(1, `Enter the ${label.toLowerCase()}.`) : base.default('');
};

/** A whole number of units from 1; empty (or left out) reads as 1. */
function packCount(message: string) {
  return z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? 1 : typeof v === 'string' ? v.trim() : v),
    z.coerce.number({ error: message }).int(message).min(1, message).max(1_000_000, message),
  );
}

/** Why a minimum is not a whole number of packs, or null ("Min 10 · packs of 5" is fine; "Min 7 · packs of 5" is not). */
export function packProblem(fields: { minOrderQuantity: number; orderIncrement: number }): string | null {
  return fields.minOrderQuantity % fields.orderIncrement === 0
    ? null
    : `The minimum order quantity must be a whole number of packs of ${fields.orderIncrement} (${fields.orderIncrement}, ${fields.orderIncrement * 2}…).`;
}

/**
 * A product as the edit form holds it. The list price is the typed text
 * ("1,299.00"); empty means "price on request". The same fields drive the
 * form (with the currency check below) and the server action.
 */
export const productFieldsSchema = z.object({
  sku: z
    .string()
    .trim()
    .min(1, 'Enter a SKU.')
    .max(64, 'A SKU is at most 64 characters.')
    .regex(/^\S+$/, 'A SKU has no spaces.'),
  manufacturer: attribute('Manufacturer', true),
  model: attribute('Model', true),
  capacity: attribute('Capacity'),
  color: attribute('Color'),
  network: attribute('Network'),
  grade: attribute('Grade'),
  listPrice: z.string().trim().max(20, 'That price is too long.').default(''),
  /** Minimum order quantity per cart line; 1: none. */
  minOrderQuantity: packCount('Enter the minimum order quantity as a whole number from 1 to 1,000,000.'),
  /** Sold in packs of N: a line's quantity must be a multiple of it; 1: any quantity. */
  orderIncrement: packCount('Enter the pack size as a whole number from 1 to 1,000,000.'),
  /**
   * The attributes whose typed value is new for this seller and was confirmed
   * ("Create new grade 'A plus'?"); any other new value is refused, so a typo
   * cannot split the For Sale filters.
   */
  newValues: z.array(z.enum(['capacity', 'color', 'network', 'grade'])).max(4).default([]),
});
export type ProductFields = z.infer<typeof productFieldsSchema>;

/** Attributes chosen from the seller's existing values; a new one needs confirming. */
export const listedAttributeKeys = ['capacity', 'color', 'network', 'grade'] as const;
export type ListedAttributeKey = (typeof listedAttributeKeys)[number];
export const listedAttributeNames: Record<ListedAttributeKey, string> = { capacity: 'capacity', color: 'color', network: 'network', grade: 'grade' };

/**
 * The list price in minor units: null for empty ("price on request"), or why
 * the text is not a price (not an amount, or above the largest amount).
 */
export function readListPrice(text: string, currency: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, value: null };
  const reading = readMoney(trimmed, currency);
  if (reading.ok) return { ok: true, value: reading.minor };
  return {
    ok: false,
    message:
      reading.problem === 'too_large'
        ? reading.message
        : `Enter a price such as ${moneyExample(currency)}, or leave it empty for "price on request".`,
  };
}

/** The browser-side form schema: the same fields plus the price check in the seller's currency. */
export function productFormSchema(currency: string) {
  return productFieldsSchema.superRefine((v, ctx) => {
    const price = readListPrice(v.listPrice, currency);
    if (!price.ok) ctx.addIssue({ code: 'custom', path: ['listPrice'], message: price.message });
    const pack = packProblem(v);
    if (pack) ctx.addIssue({ code: 'custom', path: ['minOrderQuantity'], message: pack });
  });
}

export const updateProductSchema = productFieldsSchema.extend({ id: z.coerce.number().int().positive() });

export const priceUpdateRowSchema = z.object({
  row: z.number().int().positive(),
  sku: z.string().max(120).default(''),
  listPrice: z.string().max(40).default(''),
});
export type PriceUpdateRow = z.infer<typeof priceUpdateRowSchema>;

export const MAX_PRICE_UPDATE_ROWS = 10_000;

export const priceUpdateSchema = z.object({
  rows: z
    .array(priceUpdateRowSchema)
    .min(1, 'The file has no rows.')
    .max(MAX_PRICE_UPDATE_ROWS, `A file may hold at most ${MAX_PRICE_UPDATE_ROWS.toLocaleString('en-US')} rows; split it.`),
});
