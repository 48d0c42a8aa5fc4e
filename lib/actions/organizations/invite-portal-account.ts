'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { invitePortalAccount } from '@/db/queries/portal-accounts';
import { ok, staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { inviteCustomer } from '@/lib/validation/accounts';

/**
 * "Add a Customer Portal Account" > Save: the account, its link and the
 * invitation email, in one transaction. The data layer re-checks that the
 * organization belongs to the signed-in staff member's seller.
 */
export const invitePortalAccountAction = staffAction('invitePortalAccountAction', 'staff', inviteCustomer, async (input, staff) => {
  const invited = await invitePortalAccount(await getDb(), { ...input, sellerId: staff.sellerId, actor: staff.actor });
  kickEmailDispatcher();
  revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
  return ok(invited.data, invited.message);
});
