'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { changeStaffRole } from '@/db/queries/staff-users';
import { ok, staffAction } from '@/lib/actions';
import { changeStaffRoleSchema } from '@/lib/validation/accounts';
import { managerOf, STAFF_USERS_PATH } from './manager';

export const changeStaffRoleAction = staffAction('changeStaffRoleAction', 'owner', changeStaffRoleSchema, async (input, staff) => {
  try {
    const changed = await changeStaffRole(await getDb(), { ...input, manager: managerOf(staff) });
    return ok(changed.data, changed.message);
  } finally {
    revalidatePath(STAFF_USERS_PATH);
  }
});
