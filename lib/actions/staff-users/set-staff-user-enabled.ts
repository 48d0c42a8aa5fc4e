'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setStaffUserEnabled } from '@/db/queries/staff-users';
import { ok, staffAction } from '@/lib/actions';
import { setStaffUserEnabledSchema } from '@/lib/validation/accounts';
import { managerOf, STAFF_USERS_PATH } from './manager';

export const setStaffUserEnabledAction = staffAction('setStaffUserEnabledAction', 'admin', setStaffUserEnabledSchema, async (input, staff) => {
  try {
    const changed = await setStaffUserEnabled(await getDb(), { ...input, manager: managerOf(staff) });
    return ok(changed.data, changed.message);
  } finally {
    revalidatePath(STAFF_USERS_PATH);
  }
});
