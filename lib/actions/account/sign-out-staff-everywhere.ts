'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { endEverySession } from '@/db/queries/my-account';
import { staffAction } from '@/lib/actions';
import { staffSignOut } from '@/lib/auth/staff-auth';
import { signOutEverywhereSchema } from '@/lib/validation/my-account';

/** My account > Sign out everywhere, in the back office: every session ends, this one too. */
export const signOutStaffEverywhereAction = staffAction('signOutStaffEverywhereAction', 'staff', signOutEverywhereSchema, async (_input, staff) => {
  await endEverySession(await getDb(), { sellerId: staff.sellerId, subject: { kind: 'staff', id: staff.staffUserId }, actor: staff.actor });
  await staffSignOut({ redirect: false });
  redirect('/admin/sign-in?signed-out=everywhere');
});
