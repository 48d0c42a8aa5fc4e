'use server';

import { getDb } from '@/db';
import { applyPriceUpdate, previewPriceUpdate } from '@/db/queries/products/bulk-price-update';
import { ok, staffAction } from '@/lib/actions';
import { refusalResult } from '@/lib/inventory/outcome';
import { priceUpdateSchema } from '@/lib/validation/products';

/** What the price file would change (old -> new) and which rows cannot be applied. Writes nothing. */
export const previewPriceUpdateAction = staffAction('staff', priceUpdateSchema, async ({ rows }, staff) => {
  const preview = await previewPriceUpdate(await getDb(), { sellerId: staff.sellerId, currency: staff.currency, rows });
  return ok(preview);
});

/** Applies the price file all or nothing, checking every row again. */
export const applyPriceUpdateAction = staffAction('staff', priceUpdateSchema, async ({ rows }, staff) => {
  const outcome = await applyPriceUpdate(await getDb(), {
    sellerId: staff.sellerId,
    actor: { staffUserId: staff.staffUserId, name: staff.name },
    currency: staff.currency,
    rows,
  });
  if (!outcome.ok) return refusalResult(outcome, 'Row');
  const { updated, unchanged } = outcome;
  return ok(outcome, `Updated ${updated.toLocaleString('en-US')} ${updated === 1 ? 'price' : 'prices'}${unchanged ? `; ${unchanged.toLocaleString('en-US')} already had that price` : ''}.`);
});
