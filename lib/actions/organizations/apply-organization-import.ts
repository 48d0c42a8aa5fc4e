'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { applyOrganizationImport } from '@/db/queries/organization-import/apply-organization-import';
import { ok, refusalResult, staffAction } from '@/lib/actions';
import { isRefusal } from '@/lib/refusal';
import { organizationImportSchema } from '@/lib/validation/organization-import';

const n = (x: number, one: string, many = `${one}s`) => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;

/** Organizations > Import > Import: every row checked again, then all of it written, or nothing. */
export const applyOrganizationImportAction = staffAction('applyOrganizationImportAction', 'admin', organizationImportSchema, async (rows, staff) => {
  try {
    const outcome = await applyOrganizationImport(await getDb(), { sellerId: staff.sellerId, actor: staff.actor, rows });
    revalidatePath('/admin/organizations', 'layout');
    const buyers = outcome.buyersAwaitingInvitation;
    return ok(
      outcome,
      `${n(outcome.created, 'organization')} created, ${n(outcome.updated, 'organization')} updated, ${outcome.unchanged.toLocaleString('en-US')} unchanged. ${
        buyers ? `${n(buyers, 'new buyer')} ${buyers === 1 ? 'awaits' : 'await'} an invitation.` : 'No new buyers.'
      }`,
    );
  } catch (error) {
    // A file names its problems by spreadsheet row: "Row 3: …".
    if (isRefusal(error)) return refusalResult(error, 'Row');
    throw error;
  }
});
