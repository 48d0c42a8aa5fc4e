'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createOrderInvoice } from '@/db/queries/orders/order-invoices';
import { ok, staffAction } from '@/lib/actions';
import { createInvoiceSchema } from '@/lib/validation/orders';

export const createInvoiceAction = staffAction('createInvoiceAction', 'staff', createInvoiceSchema, async (input, staff) => {
  const invoice = await createOrderInvoice(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    email: input.email,
    confirmAnother: input.confirmAnother === true,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok({ number: invoice.number }, `Invoice ${invoice.number} created${input.email ? ' and emailed' : ''}.`);
});
