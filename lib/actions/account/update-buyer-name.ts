'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { renameOwnAccount } from '@/db/queries/my-account';
import { customerAction, ok } from '@/lib/actions';
import { accountNameSchema } from '@/lib/validation/my-account';

/** My account > Name, in the portal. */
export const updateBuyerNameAction = customerAction('updateBuyerNameAction', accountNameSchema, async ({ name }, customer) => {
  await renameOwnAccount(await getDb(), {
    sellerId: customer.sellerId,
    subject: { kind: 'customer', id: customer.portalAccountId },
    name,
    actor: { label: `customer: ${customer.email}` },
  });
  revalidatePath(`/p/${customer.portal.slug}`, 'layout');
  return ok(undefined, 'Your name was saved.');
});
