import { z } from 'zod';

/** "12.5" → 1250 basis points; at most two decimals, 0–100. */
export function readPercent(text: string): { ok: true; bps: number } | { ok: false; message: string } {
  const value = text.trim().replace(/%$/, '').trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return { ok: false, message: 'Enter a percentage such as 10 or 12.5.' };
  const bps = Math.round(Number(value) * 100);
  if (bps > 10_000) return { ok: false, message: 'A discount is at most 100%.' };
  return { ok: true, bps };
}

/** 1250 → "12.5". */
export function percentText(bps: number): string {
  return String(bps / 100);
}

export const priceListRules = ['percent_off', 'fixed'] as const;
export type PriceListRule = (typeof priceListRules)[number];

export const priceListRuleNames: Record<PriceListRule, string> = {
  percent_off: 'Percent off list price',
  fixed: 'Fixed prices (list price where none is set)',
};

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const priceListFieldsSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the price list.').max(80, 'At most 80 characters.'),
    rule: z.enum(priceListRules, { error: 'Choose how the list prices products.' }),
    percentOff: z.string().trim().max(10).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.rule !== 'percent_off') return;
    const percent = readPercent(v.percentOff);
    if (!percent.ok) ctx.addIssue({ code: 'custom', path: ['percentOff'], message: percent.message });
  });
export type PriceListFields = z.infer<typeof priceListFieldsSchema>;

export const createPriceListSchema = priceListFieldsSchema;
export const updatePriceListSchema = z.intersection(z.object({ id: idSchema }), priceListFieldsSchema);
export const deletePriceListSchema = z.object({ id: idSchema });

/** Assigning a list to organizations (or taking them off any list with `priceListId` null). */
export const assignPriceListSchema = z.object({
  // A form's "List prices" option sends "".
  priceListId: z.preprocess((v) => (v === '' ? null : v), idSchema.nullable()),
  organizationIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(idSchema).min(1, 'Choose at least one organization.').max(1000),
  ),
});

/** One row of a price file: sku, min_quantity (empty: 1), price. */
export const priceListRowSchema = z.object({
  row: z.number().int().positive(),
  sku: z.string().max(120).default(''),
  minQuantity: z.string().max(20).default(''),
  price: z.string().max(40).default(''),
});
export type PriceListRow = z.infer<typeof priceListRowSchema>;

export const MAX_PRICE_LIST_ROWS = 20_000;

export const priceListImportSchema = z.object({
  id: idSchema,
  rows: z
    .array(priceListRowSchema)
    .min(1, 'The file has no rows.')
    .max(MAX_PRICE_LIST_ROWS, `A file may hold at most ${MAX_PRICE_LIST_ROWS.toLocaleString('en-US')} rows; split it.`),
});

export const setPriceListPriceSchema = z.object({
  id: idSchema,
  sku: z.string().trim().min(1, 'Enter the SKU.').max(120),
  minQuantity: z.coerce
    .number({ error: 'Enter a whole number, such as 1 or 10.' })
    .int('Enter a whole number, such as 1 or 10.')
    .min(1, 'From 1 unit on at least.')
    .max(1_000_000, 'At most 1,000,000.'),
  price: z.string().trim().min(1, 'Enter the price.').max(40),
});

export const removePriceListPriceSchema = z.object({ id: idSchema, productId: idSchema, minQuantity: z.coerce.number().int().min(1).max(1_000_000) });
