'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { createOrderInvoice, emailOrderInvoice, setInvoicePaid } from '@/db/queries/orders/order-invoices';
import { ok, staffAction } from '@/lib/actions';
import { answerRefusals } from '@/lib/actions/refusals';
import { appUrl } from '@/lib/app-url';
import { createInvoiceSchema, invoiceRef, setInvoicePaidSchema } from '@/lib/validation/orders';

/** Where the invoice email's button sends the customer: their portal's orders. */
async function portalOrdersUrl(sellerSlug: string): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  const origin = host ? `${h.get('x-forwarded-proto') ?? 'http'}://${host}` : undefined;
  return appUrl(`/p/${sellerSlug}/orders`, origin);
}

export const createInvoiceAction = staffAction('staff', createInvoiceSchema, async (input, staff) =>
  answerRefusals(async () => {
    const invoice = await createOrderInvoice(await getDb(), {
      sellerId: staff.sellerId,
      orderNumber: input.orderNumber,
      email: input.email,
      actor: { staffUserId: staff.staffUserId, name: staff.name },
      ordersUrl: await portalOrdersUrl(staff.sellerSlug),
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
      ordersUrl: await portalOrdersUrl(staff.sellerSlug),
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
