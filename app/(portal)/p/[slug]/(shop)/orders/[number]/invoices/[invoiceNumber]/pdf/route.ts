import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { parseId } from '@/lib/url-params';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPortalLogoPng } from '@/db/queries/portal-logo';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { renderInvoicePdf } from '@/lib/invoices/pdf';

export const dynamic = 'force-dynamic';

/** An invoice of one of the organization's orders as a PDF download. Anyone else's: 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ slug: string; number: string; invoiceNumber: string }> },
) {
  const { slug, number, invoiceNumber } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const invoice = await findCustomerInvoice(db, {
    ...scopeOf(customer),
    orderNumber: (parseId(number) ?? notFound()),
    invoiceNumber: (parseId(invoiceNumber) ?? notFound()),
  });
  if (!invoice) notFound();
  const logoPng = invoice.logo ? await findPortalLogoPng(db, { sellerId: customer.sellerId }) : null;
  const pdf = await renderInvoicePdf(invoice, { logoPng });
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="invoice-${invoice.invoiceNumber}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
