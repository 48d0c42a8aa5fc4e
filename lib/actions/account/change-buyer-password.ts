'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { changeOwnPassword } from '@/db/queries/my-account';
import { customerAction, ok } from '@/lib/actions';
import { checkCurrentPassword } from '@/lib/auth/current-password';
import { hashPassword } from '@/lib/auth/password';
import { renewSession } from '@/lib/auth/verified-sign-in';
import { changePasswordSchema } from '@/lib/validation/my-account';

/** My account > Password, in the portal: the current one first; other sessions end, this one is renewed. */
export const changeBuyerPasswordAction = customerAction('changeBuyerPasswordAction', changePasswordSchema, async (input, customer) => {
  const db = await getDb();
  const subject = { kind: 'customer' as const, id: customer.portalAccountId };
  await checkCurrentPassword(db, {
    sellerId: customer.sellerId,
    subject,
    area: { kind: 'customer', slug: customer.portal.slug },
    email: customer.email,
    password: input.currentPassword,
    headers: await headers(),
  });
  const { sessionVersion } = await changeOwnPassword(db, {
    sellerId: customer.sellerId,
    subject,
    passwordHash: await hashPassword(input.password),
    actor: { label: `customer: ${customer.email}` },
  });
  await renewSession('customer', { subject, sellerId: customer.sellerId, sessionVersion });
  return ok(undefined, 'Your password was changed. Your other sessions were signed out.');
});
