'use server';

import { getDb } from '@/db';
import { checkReturnDevices } from '@/db/queries/portal/rmas/request-rma';
import { ok, portalAction } from '@/lib/actions';
import { toReturnRow, type ReturnRow } from '@/lib/portal/rma-rows';
import { checkReturnDevicesSchema } from '@/lib/validation/return-request';

/** Looks up pasted IMEIs for the return request form; writes nothing. */
export const checkRmaDevicesAction = portalAction('checkRmaDevicesAction', checkReturnDevicesSchema, async (input, customer) => {
  const checks = await checkReturnDevices(await getDb(), {
    sellerId: customer.sellerId,
    organizationId: customer.organizationId,
    imeis: input.imeis,
  });
  return ok<ReturnRow[]>(checks.map((c) => toReturnRow(c, customer.portal)));
});
