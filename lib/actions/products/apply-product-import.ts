'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { applyProductImport } from '@/db/queries/products/product-import';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { importBatchRef } from '@/lib/validation/imports';

const n = (x: number) => x.toLocaleString('en-US');

/** Applies the staff user's staged products file, all or nothing; applying it again changes nothing. */
export const applyProductImportAction = staffAction('applyProductImportAction', 'staff', importBatchRef, async ({ batchId }, staff) => {
  try {
    const outcome = await applyProductImport(await getDb(), { sellerId: staff.sellerId, staffUserId: staff.staffUserId, actor: staff.actor, currency: staff.currency, batchId });
    revalidatePath('/admin/products');
    const done = `${n(outcome.created)} created, ${n(outcome.updated)} updated, ${n(outcome.unchanged)} unchanged.`;
    return ok(outcome, outcome.alreadyApplied ? `This file was already imported: ${done}` : `Products imported: ${done}`);
  } catch (error) {
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
