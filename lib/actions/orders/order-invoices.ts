'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createOrderInvoice, emailOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { createInvoiceSchema, invoiceRef, setInvoicePaidSchema } from '@/lib/validation/orders';

export const createInvoiceAction = staffAction('staff', createInvoiceSchema, async (input, staff) =>
  answerRefusals(async () => {
    const invoice = await createOrderInvoice(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      email: input.email,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok({ number: invoice.number }, `Invoice ${invoice.number} created${input.email ? ' and emailed' : ''}.`);
  }),
);

export const emailInvoiceAction = staffAction('staff', invoiceRef, async (input, staff) =>
  answerRefusals(async () => {
    await emailOrderInvoice(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      invoiceNumber: input.invoiceNumber,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(null, `Invoice ${input.invoiceNumber} emailed.`);
  }),
);

export const setInvoicePaidAction = staffAction('staff', setInvoicePaidSchema, async (input, staff) =>
  answerRefusals(async () => {
    await setInvoicePaid(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      invoiceNumber: input.invoiceNumber,
      paid: input.paid,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
    });
    revalidatePath(`/admin/orders/${input.orderNumber}`);
    return ok(null, `Invoice ${input.invoiceNumber} marked ${input.paid ? 'paid' : 'unpaid'}.`);
  }),
);
