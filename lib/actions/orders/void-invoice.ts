'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { voidInvoice } from '@/db/queries/invoices/void-invoice';
import { ok, staffAction } from '@/lib/actions';
import { voidInvoiceSchema } from '@/lib/validation/orders';

/** Voids an invoice with a reason: it keeps its number and shows as Void everywhere. */
export const voidInvoiceAction = staffAction('voidInvoiceAction', 'staff', voidInvoiceSchema, async (input, staff) => {
  await voidInvoice(await getDb(), {
    sellerId: staff.sellerId,
    orderNumber: input.orderNumber,
    invoiceNumber: input.invoiceNumber,
    reason: input.reason,
    actor: staff.actor,
  });
  revalidatePath(`/admin/orders/${input.orderNumber}`);
  return ok(null, `Invoice ${input.invoiceNumber} is void. It keeps its number and no longer counts as invoiced.`);
});
