'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { emailOrderInvoice } from '@/db/queries/orders/order-invoices';
import { ok, staffAction } from '@/lib/actions';
import { invoiceRef } from '@/lib/validation/orders';

export const emailInvoiceAction = staffAction('emailInvoiceAction', 'staff', invoiceRef, async (input, staff) => {
  await emailOrderInvoice(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    invoiceNumber: input.invoiceNumber,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, `Invoice ${input.invoiceNumber} emailed.`);
});
