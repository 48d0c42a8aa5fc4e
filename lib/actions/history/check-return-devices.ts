'use server';

import { getDb } from '@/db';
import { checkReturnDevices } from '@/db/queries/history/return-requests';
import { customerAction, ok, UserError } from '@/lib/actions';
import { checkReturnDevicesSchema } from '@/lib/validation/return-request';
import { toReturnRow, type ReturnRow } from '@/lib/history/return-rows';

/** Looks up pasted IMEIs for the return request form; writes nothing. */
export const checkReturnDevicesAction = customerAction(checkReturnDevicesSchema, async (input, customer) => {
  if (!customer.portal.enabled) throw new UserError('This portal is not open.');
  const checks = await checkReturnDevices(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    imeis: input.imeis,
  });
  return ok<ReturnRow[]>(checks.map(toReturnRow));
});
