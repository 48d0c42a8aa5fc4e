'use server';

import { getDb } from '@/db';
import { checkRmaDevices } from '@/db/queries/rmas/check-rma-devices';
import { createRma } from '@/db/queries/rmas/create-rma';
import { describeProblem } from '@/db/queries/refusal';
import { fail, ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { splitPastedIdentifiers } from '@/lib/imei';
import { minorToDecimalString } from '@/lib/money';
import { checkRmaDevicesSchema, createRmaSchema } from '@/lib/validation/rmas';

/**
 * First step of a new RMA: which pasted IMEIs can be returned by the
 * organization. Writes nothing; refuses the paste while any IMEI is refused.
 */
export const checkRmaDevicesAction = staffAction('staff', checkRmaDevicesSchema, async (input, staff) =>
  answerRefusals(async () => {
    const entries = splitPastedIdentifiers(input.imeis);
    if (entries.length > 500) return fail('At most 500 devices per RMA.');
    const result = await checkRmaDevices(await getDb(), { sellerId: staff.sellerId, organizationId: input.organizationId, entries });
    if (result.problems.length) {
      return fail(
        `${result.problems.length === 1 ? 'One IMEI' : `${result.problems.length} IMEIs`} cannot be returned by ${result.organization.name}. Fix the paste and check again.`,
        { problems: result.problems.map(describeProblem) },
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
  }),
);

export const createRmaAction = staffAction('staff', createRmaSchema, async (input, staff) =>
  answerRefusals(async () => {
    const rma = await createRma(await getDb(), {
      sellerId: staff.sellerId,
      organizationId: input.organizationId,
      notes: input.notes,
      lines: input.lines,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    return ok({ number: rma.number }, `RMA ${rma.number} created.`);
  }),
);
