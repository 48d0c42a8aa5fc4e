'use server';

import { getDb } from '@/db';
import { checkRmaDevices } from '@/db/queries/rmas/check-rma-devices';
import { MAX_RMA_DEVICES } from '@/db/queries/rmas/create-rma';
import { fail, ok, Refusal, staffAction } from '@/lib/actions';
import { splitPastedIdentifiers } from '@/lib/imei';
import { minorToDecimalString } from '@/lib/money';
import { checkRmaDevicesSchema } from '@/lib/validation/rmas';

/**
 * First step of a new RMA: which pasted IMEIs can be returned by the
 * organization. Writes nothing; refuses the paste while any IMEI is refused.
 */
export const checkRmaDevicesAction = staffAction('checkRmaDevicesAction', 'staff', checkRmaDevicesSchema, async (input, staff) => {
  const entries = splitPastedIdentifiers(input.imeis);
  if (entries.length > MAX_RMA_DEVICES) return fail(`At most ${MAX_RMA_DEVICES} devices per RMA.`);
  const result = await checkRmaDevices(await getDb(), { sellerId: staff.sellerId, organizationId: input.organizationId, entries });
  if (result.problems.length) {
    throw new Refusal(
      `${result.problems.length === 1 ? 'One IMEI' : `${result.problems.length} IMEIs`} cannot be returned by ${result.organization.name}. Fix the paste and check again.`,
      { problems: result.problems },
    );
  }
  return ok({
    organizationName: result.organization.name,
    devices: result.candidates.map((c) => ({
      imei: c.imei,
      sku: c.sku,
      description: c.description,
      orderNumber: c.orderNumber,
      unitPrice: c.unitPrice,
      unitPriceText: c.unitPrice === null ? '' : minorToDecimalString(c.unitPrice, staff.currency),
    })),
  });
});
