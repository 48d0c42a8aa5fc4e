'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { applyPriceListImport } from '@/db/queries/price-lists/price-list-import';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { priceListImportSchema } from '@/lib/validation/price-lists';

/** Replaces the list's prices with the file's, all or nothing, checking every row again. */
export const applyPriceListImportAction = staffAction('applyPriceListImportAction', 'admin', priceListImportSchema, async ({ id, rows }, staff) => {
  try {
    const outcome = await applyPriceListImport(await getDb(), { sellerId: staff.sellerId, priceListId: id, actor: staff.actor, currency: staff.currency, rows });
    revalidatePath(`/admin/price-lists/${id}`);
    const n = (x: number) => x.toLocaleString('en-US');
    return ok(outcome, `The list now holds ${n(outcome.prices)} ${outcome.prices === 1 ? 'price' : 'prices'}${outcome.removed ? `; ${n(outcome.removed)} removed` : ''}.`);
  } catch (error) {
    // A file names its problems by spreadsheet row: "Row 3: …".
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
