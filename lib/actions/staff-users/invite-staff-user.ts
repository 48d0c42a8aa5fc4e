'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { inviteStaffUser } from '@/db/queries/staff-users';
import { ok, staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { inviteStaff } from '@/lib/validation/accounts';
import { managerOf, STAFF_USERS_PATH } from './manager';

export const inviteStaffUserAction = staffAction('inviteStaffUserAction', 'admin', inviteStaff, async (input, staff) => {
  const invited = await inviteStaffUser(await getDb(), { ...input, manager: managerOf(staff) });
  kickEmailDispatcher();
  revalidatePath(STAFF_USERS_PATH);
  return ok(invited.data, invited.message);
});
