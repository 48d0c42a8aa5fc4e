'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { ok, staffAction } from '@/lib/actions';
import { setInvoicePaidSchema } from '@/lib/validation/orders';

export const setInvoicePaidAction = staffAction('setInvoicePaidAction', 'staff', setInvoicePaidSchema, async (input, staff) => {
  await setInvoicePaid(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    invoiceNumber: input.invoiceNumber,
    paid: input.paid,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, `Invoice ${input.invoiceNumber} marked ${input.paid ? 'paid' : 'unpaid'}.`);
});
