'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createReturnRequest } from '@/db/queries/portal/rmas/request-rma';
import { fail, ok, portalAction } from '@/lib/actions';
import { readMoney } from '@/lib/money';
import { returnRequestSchema } from '@/lib/validation/return-request';

/**
 * A customer's return request from the portal. Every device is checked; a
 * refusal names each IMEI and why, and nothing is written. On success the RMA
 * is in status "requested" and the seller's owners and admins are emailed.
 */
export const requestRmaAction = portalAction('requestRmaAction', returnRequestSchema, async (input, customer) => {
  const fieldErrors: Record<string, string[]> = {};
  const lines = input.lines.map((line, i) => {
    const keep = line.disposition === 'keep_partial_refund';
    const reading = keep ? readMoney(line.requestedRefund, customer.currency) : null;
    if (reading && !reading.ok) fieldErrors[`lines.${i}.requestedRefund`] = [reading.message];
    const requestedRefund = reading?.ok ? reading.minor : null;
    return { imei: line.imei, reason: line.reason, disposition: line.disposition, requestedRefund };
  });
  if (Object.keys(fieldErrors).length) return fail('Please check the refund amounts.', fieldErrors);

  const rma = await createReturnRequest(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    portalAccountId: customer.portalAccountId,
    lines,
    notes: input.notes,
  });
  revalidatePath(`/p/${customer.portal.slug}/rmas`);
  revalidatePath(`/p/${customer.portal.slug}/devices`);
  return ok({ number: rma.number }, `Return request RMA ${rma.number} sent.`);
});
