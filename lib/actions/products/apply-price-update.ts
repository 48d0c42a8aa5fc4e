'use server';

import { getDb } from '@/db';
import { applyPriceUpdate } from '@/db/queries/products/price-update';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { priceUpdateSchema } from '@/lib/validation/products';

/** Applies the price file all or nothing, checking every row again. */
export const applyPriceUpdateAction = staffAction('applyPriceUpdateAction', 'staff', priceUpdateSchema, async ({ rows }, staff) => {
  try {
    const outcome = await applyPriceUpdate(await getDb(), {
      sellerId: staff.sellerId,
      actor: staff.actor,
      currency: staff.currency,
      rows,
    });
    const { updated, unchanged } = outcome;
    return ok(outcome, `Updated ${updated.toLocaleString('en-US')} ${updated === 1 ? 'price' : 'prices'}${unchanged ? `; ${unchanged.toLocaleString('en-US')} already had that price` : ''}.`);
  } catch (error) {
    // A file names its problems by spreadsheet row, not by line: "Row 3: …".
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
