'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { endEverySession } from '@/db/queries/my-account';
import { customerAction } from '@/lib/actions';
import { customerSignOut } from '@/lib/auth/customer-auth';
import { signOutEverywhereSchema } from '@/lib/validation/my-account';

/** My account > Sign out everywhere, in the portal: every session ends, this one too. */
export const signOutBuyerEverywhereAction = customerAction('signOutBuyerEverywhereAction', signOutEverywhereSchema, async (_input, customer) => {
  await endEverySession(await getDb(), {
    sellerId: customer.sellerId,
    subject: { kind: 'customer', id: customer.portalAccountId },
    actor: { label: `customer: ${customer.email}` },
  });
  await customerSignOut({ redirect: false });
  redirect(`/p/${encodeURIComponent(customer.portal.slug)}/sign-in`);
});
