'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createReturnRequest } from '@/db/queries/history/return-requests';
import { customerAction, fail, ok, UserError } from '@/lib/actions';
import { readMoney } from '@/lib/money';
import { returnRequestSchema } from '@/lib/validation/return-request';

/**
 * A customer's return request from the portal. Every device is checked; a
 * refusal names each IMEI and why, and nothing is written. On success the RMA
 * is in status "requested" and the seller's owners and admins are emailed.
 */
export const requestReturnAction = customerAction(returnRequestSchema, async (input, customer) => {
  if (!customer.portal.enabled) throw new UserError('This portal is not open.');
  const fieldErrors: Record<string, string[]> = {};
  const lines = input.lines.map((line, i) => {
    const keep = line.disposition === 'keep_partial_refund';
    const reading = keep ? readMoney(line.requestedRefund, customer.currency) : null;
    if (reading && !reading.ok) fieldErrors[`lines.${i}.requestedRefund`] = [reading.message];
    const requestedRefund = reading?.ok ? reading.minor : null;
    return { imei: line.imei, reason: line.reason, disposition: line.disposition, requestedRefund };
  });
  if (Object.keys(fieldErrors).length) return fail('Please check the refund amounts.', fieldErrors);

  const result = await createReturnRequest(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    portalAccountId: customer.portalAccountId,
    lines,
    notes: input.notes,
  });
  if (!result.ok) {
    for (const refusal of result.refusals) {
      input.lines.forEach((line, i) => {
        if (line.imei.trim() === refusal.imei) (fieldErrors[`lines.${i}.imei`] ??= []).push(refusal.problem);
      });
    }
    const named = result.refusals.map((r) => `IMEI ${r.imei} ${r.problem}.`).join(' ');
    return fail(`Nothing was sent. ${named}`, fieldErrors);
  }
  revalidatePath(`/p/${customer.portal.slug}/rmas`);
  revalidatePath(`/p/${customer.portal.slug}/devices`);
  return ok({ number: result.number }, `Return request RMA ${result.number} sent.`);
});
