'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { inviteImportedBuyers } from '@/db/queries/organization-import/invite-imported-buyers';
import { ok, staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { formatDateTime } from '@/lib/format/dates';
import { inviteImportedBuyersSchema } from '@/lib/validation/organization-import';

/** "Invite N buyers not yet invited": one activation email each, staggered, each account once. */
export const inviteImportedBuyersAction = staffAction('inviteImportedBuyersAction', 'admin', inviteImportedBuyersSchema, async (_input, staff) => {
  const outcome = await inviteImportedBuyers(await getDb(), { sellerId: staff.sellerId, actor: staff.actor });
  if (outcome.invited) kickEmailDispatcher();
  revalidatePath('/admin/organizations', 'layout');
  const message = outcome.invited
    ? `${outcome.invited.toLocaleString('en-US')} ${outcome.invited === 1 ? 'invitation is' : 'invitations are'} on the way, the last by about ${formatDateTime(outcome.lastSendAfter!)}.`
    : 'Every imported buyer has been invited already.';
  return ok({ invited: outcome.invited }, message);
});
