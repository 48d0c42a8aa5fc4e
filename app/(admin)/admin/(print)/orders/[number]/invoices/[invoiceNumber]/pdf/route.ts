import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPortalLogoPng } from '@/db/queries/portal-logo';
import { findSellerInvoiceDocument } from '@/db/queries/invoices/find-invoice-document';
import { requireStaff } from '@/lib/auth/session';
import { parseId } from '@/lib/url-params';
import { renderInvoicePdf } from '@/lib/invoices/pdf';

export const dynamic = 'force-dynamic';

/** An invoice of one of the seller's orders as a PDF, for staff. Another seller's: 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ number: string; invoiceNumber: string }> },
) {
  const staff = await requireStaff();
  const p = await params;
  const orderNumber = parseId(p.number);
  const invoiceNumber = parseId(p.invoiceNumber);
  if (!orderNumber || !invoiceNumber) notFound();
  const db = await getDb();
  const invoice = await findSellerInvoiceDocument(db, { sellerId: staff.sellerId, orderNumber, invoiceNumber });
  if (!invoice) notFound();
  const logoPng = invoice.logo ? await findPortalLogoPng(db, { sellerId: staff.sellerId }) : null;
  const pdf = await renderInvoicePdf(invoice, { logoPng });
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="invoice-${invoice.invoiceNumber}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
