'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { changeStaffRole, inviteStaffUser, resendStaffInvite, setStaffUserEnabled, type StaffManager } from '@/db/queries/staff-users';
import { staffAction } from '@/lib/actions';
import type { StaffSession } from '@/lib/auth/session';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { inviteStaff, staffRoles } from '@/lib/validation/accounts';

/** Settings > Staff users: owners and admins only; what each may do is checked again in the data layer. */
const PATH = '/admin/settings/staff';

function managerOf(staff: StaffSession): StaffManager {
  return { sellerId: staff.sellerId, staffUserId: staff.staffUserId, name: staff.name, role: staff.role };
}

export const inviteStaffUserAction = staffAction('admin', inviteStaff, async (input, staff) => {
  const result = await inviteStaffUser(await getDb(), { ...input, manager: managerOf(staff) });
  if (result.ok) {
    kickEmailDispatcher();
    revalidatePath(PATH);
  }
  return result;
});

const userRef = z.object({ staffUserId: z.coerce.number().int().positive() });

export const resendStaffInviteAction = staffAction('admin', userRef, async (input, staff) => {
  const result = await resendStaffInvite(await getDb(), { ...input, manager: managerOf(staff) });
  if (result.ok) kickEmailDispatcher();
  revalidatePath(PATH);
  return result;
});

export const setStaffUserEnabledAction = staffAction('admin', userRef.extend({ enabled: z.boolean() }), async (input, staff) => {
  const result = await setStaffUserEnabled(await getDb(), { ...input, manager: managerOf(staff) });
  revalidatePath(PATH);
  return result;
});

export const changeStaffRoleAction = staffAction('owner', userRef.extend({ role: z.enum(staffRoles) }), async (input, staff) => {
  const result = await changeStaffRole(await getDb(), { ...input, manager: managerOf(staff) });
  revalidatePath(PATH);
  return result;
});
