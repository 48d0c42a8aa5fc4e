'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { importDeviceBatch } from '@/db/queries/inventory/import-devices';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { importBatchRef } from '@/lib/validation/imports';

const n = (x: number) => x.toLocaleString('en-US');

/** Imports the staff user's staged device file, all or nothing: every row is checked again in the import's own transaction. */
export const importDevicesAction = staffAction('importDevicesAction', 'staff', importBatchRef, async ({ batchId }, staff) => {
  try {
    const { imported, productsCreated, alreadyApplied } = await importDeviceBatch(await getDb(), {
      sellerId: staff.sellerId,
      staffUserId: staff.staffUserId,
      actor: staff.actor,
      currency: staff.currency,
      batchId,
    });
    revalidatePath('/admin/inventory');
    const what = `${n(imported)} ${imported === 1 ? 'device' : 'devices'}${productsCreated ? ` and created ${n(productsCreated)} ${productsCreated === 1 ? 'product' : 'products'}` : ''}`;
    return ok({ imported, productsCreated }, alreadyApplied ? `This file was already imported: ${what}.` : `Imported ${what}.`);
  } catch (error) {
    // A file names its problems by spreadsheet row, not by line: "Row 3: …".
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
