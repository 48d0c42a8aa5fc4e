'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setPortalAccountEnabled } from '@/db/queries/portal-accounts';
import { ok, staffAction } from '@/lib/actions';
import { setPortalAccountEnabledSchema } from '@/lib/validation/accounts';

/** Disable (signs the account out everywhere) or enable again an account of the seller. */
export const setPortalAccountEnabledAction = staffAction('setPortalAccountEnabledAction', 'staff', setPortalAccountEnabledSchema, async (input, staff) => {
  try {
    const changed = await setPortalAccountEnabled(await getDb(), {
      sellerId: staff.sellerId,
      actor: staff.actor,
      portalAccountId: input.portalAccountId,
      enabled: input.enabled,
    });
    return ok(changed.data, changed.message);
  } finally {
    revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
  }
});
