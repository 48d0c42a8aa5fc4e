'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { changeOwnPassword } from '@/db/queries/my-account';
import { ok, staffAction } from '@/lib/actions';
import { checkCurrentPassword } from '@/lib/auth/current-password';
import { hashPassword } from '@/lib/auth/password';
import { renewSession } from '@/lib/auth/verified-sign-in';
import { changePasswordSchema } from '@/lib/validation/my-account';

/** My account > Password, in the back office: the current one first; other sessions end, this one is renewed. */
export const changeStaffPasswordAction = staffAction('changeStaffPasswordAction', 'staff', changePasswordSchema, async (input, staff) => {
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
  const { sessionVersion } = await changeOwnPassword(db, {
    sellerId: staff.sellerId,
    subject,
    passwordHash: await hashPassword(input.password),
    actor: staff.actor,
  });
  await renewSession('staff', { subject, sellerId: staff.sellerId, sessionVersion });
  return ok(undefined, 'Your password was changed. Your other sessions were signed out.');
});
