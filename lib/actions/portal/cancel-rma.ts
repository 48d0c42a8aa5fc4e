'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { cancelCustomerRma } from '@/db/queries/portal/rmas/cancel-rma';
import { ok, portalAction } from '@/lib/actions';
import { cancelRmaSchema } from '@/lib/validation/rmas';

/** The buyer cancels their own return request while it is still Requested. */
export const cancelRmaAction = portalAction('cancelRmaAction', cancelRmaSchema, async (input, customer) => {
  const result = await cancelCustomerRma(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    portalAccountId: customer.portalAccountId,
    number: input.rmaNumber,
    actorLabel: `${customer.name} (${customer.organizationName})`,
  });
  revalidatePath(`/p/${customer.portal.slug}/rmas`);
  revalidatePath(`/p/${customer.portal.slug}/rmas/${result.number}`);
  revalidatePath(`/p/${customer.portal.slug}/devices`);
  return ok(result, `Return request RMA ${result.number} is cancelled.`);
});
