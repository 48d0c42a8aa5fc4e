'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { requestEmailChange } from '@/db/queries/my-account';
import { customerAction, ok } from '@/lib/actions';
import { checkCurrentPassword } from '@/lib/auth/current-password';
import { kickEmailDispatcher } from '@/lib/email/dispatcher-loop';
import { changeEmailSchema } from '@/lib/validation/my-account';

/** My account > Email, in the portal: a link to the new address; the email changes once it is used. */
export const requestBuyerEmailChangeAction = customerAction('requestBuyerEmailChangeAction', changeEmailSchema, async (input, customer) => {
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
  await requestEmailChange(db, { sellerId: customer.sellerId, subject, newEmail: input.email, actor: { label: `customer: ${customer.email}` } });
  kickEmailDispatcher();
  return ok(undefined, `We sent a link to ${input.email}. Your email address changes once you open it and confirm.`);
});
