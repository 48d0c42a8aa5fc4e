'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { resendPortalInvite } from '@/db/queries/portal-accounts';
import { ok, staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { portalAccountRef } from '@/lib/validation/accounts';

/** "Resend invite": a fresh activation link for an account of the seller; the older one stops working. */
export const resendPortalInviteAction = staffAction('resendPortalInviteAction', 'staff', portalAccountRef, async (input, staff) => {
  try {
    const resent = await resendPortalInvite(await getDb(), {
      sellerId: staff.sellerId,
      actor: staff.actor,
      portalAccountId: input.portalAccountId,
    });
    kickEmailDispatcher();
    return ok(resent.data, resent.message);
  } finally {
    // A refusal may come from a change made meanwhile: show the tab as it is now.
    revalidatePath(`/admin/organizations/${input.organizationId}/portal`);
  }
});
