'use server';

import { getDb } from '@/db';
import { addPastedDevices } from '@/db/queries/inventory/add-devices';
import { fail, ok, staffAction } from '@/lib/actions';
import { moneyExample, readMoney } from '@/lib/money';
import { addDevicesSchema } from '@/lib/validation/inventory';

/** Adds pasted IMEIs or serial numbers as devices of one product, all or nothing. */
export const addDevicesAction = staffAction('addDevicesAction', 'staff', addDevicesSchema, async (input, staff) => {
  const reading = input.cost ? readMoney(input.cost, staff.currency) : null;
  if (reading && !reading.ok) {
    return reading.problem === 'too_large'
      ? fail('Nothing was added: the cost is too large.', { cost: [reading.message] })
      : fail('Nothing was added: the cost is not an amount.', { cost: [`Enter an amount such as ${moneyExample(staff.currency)}, or leave it empty.`] });
  }
  const { added } = await addPastedDevices(await getDb(), {
    sellerId: staff.sellerId,
    actor: staff.actor,
    kind: input.kind,
    text: input.identifiers,
    productId: input.productId,
    warehouseId: input.warehouseId,
    statusId: input.statusId,
    cost: reading?.ok ? reading.minor : null,
  });
  return ok({ added }, `Added ${added.toLocaleString('en-US')} ${added === 1 ? 'device' : 'devices'}.`);
});
