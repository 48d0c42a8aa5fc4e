'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requestEmailChange } from '@/db/queries/my-account';
import { ok, staffAction } from '@/lib/actions';
import { checkCurrentPassword } from '@/lib/auth/current-password';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { changeEmailSchema } from '@/lib/validation/my-account';

/** My account > Email, in the back office: a link to the new address; the email changes once it is used. */
export const requestStaffEmailChangeAction = staffAction('requestStaffEmailChangeAction', 'staff', changeEmailSchema, async (input, staff) => {
  const db = await getDb();
  const subject = { kind: 'staff' as const, id: staff.staffUserId };
  await checkCurrentPassword(db, {
    sellerId: staff.sellerId,
    subject,
    area: { kind: 'staff' },
    email: staff.email,
    password: input.currentPassword,
    headers: await headers(),
  });
  await requestEmailChange(db, { sellerId: staff.sellerId, subject, newEmail: input.email, actor: staff.actor });
  kickEmailDispatcher();
  return ok(undefined, `We sent a link to ${input.email}. Your email address changes once you open it and confirm.`);
});
