'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { resendStaffInvite } from '@/db/queries/staff-users';
import { ok, staffAction } from '@/lib/actions';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { staffUserRef } from '@/lib/validation/accounts';
import { managerOf, STAFF_USERS_PATH } from './manager';

export const resendStaffInviteAction = staffAction('resendStaffInviteAction', 'admin', staffUserRef, async (input, staff) => {
  try {
    const resent = await resendStaffInvite(await getDb(), { ...input, manager: managerOf(staff) });
    kickEmailDispatcher();
    return ok(resent.data, resent.message);
  } finally {
    revalidatePath(STAFF_USERS_PATH);
  }
});
