'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { renameOwnAccount } from '@/db/queries/my-account';
import { ok, staffAction } from '@/lib/actions';
import { accountNameSchema } from '@/lib/validation/my-account';

/** My account > Name, in the back office. */
export const updateStaffNameAction = staffAction('updateStaffNameAction', 'staff', accountNameSchema, async ({ name }, staff) => {
  await renameOwnAccount(await getDb(), { sellerId: staff.sellerId, subject: { kind: 'staff', id: staff.staffUserId }, name, actor: staff.actor });
  revalidatePath('/admin', 'layout');
  return ok(undefined, 'Your name was saved.');
});
