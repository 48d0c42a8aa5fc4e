import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findSellerInvoiceDocument } from '@/db/queries/invoices/find-invoice-document';
import { InvoiceView } from '@/components/invoices/invoice-view';
import { PrintButton } from '@/components/orders/print-button';
import { requireStaff } from '@/lib/auth/session';
import { parseId } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ number: string; invoiceNumber: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Invoice ${(await params).invoiceNumber}` };
}

/** A printable invoice, outside the back-office frame so only the invoice prints. */
export default async function InvoicePage({ params }: Props) {
  const staff = await requireStaff();
  const p = await params;
  const orderNumber = parseId(p.number);
  const invoiceNumber = parseId(p.invoiceNumber);
  if (!orderNumber || !invoiceNumber) notFound();
  const invoice = await findSellerInvoiceDocument(await getDb(), { sellerId: staff.sellerId, orderNumber, invoiceNumber });
  if (!invoice) notFound();
  return (
    <div className="min-h-screen bg-slate-100 py-8 print:bg-white print:py-0">
      <nav className="mx-auto mb-4 flex max-w-3xl items-center justify-between px-4 print:hidden" aria-label="Invoice">
        <Link href={`/admin/orders/${orderNumber}`} className="text-sm text-[var(--brand-text)] underline">
          Back to order {orderNumber}
        </Link>
        <span className="flex items-center gap-3">
          <a
            href={`/admin/orders/${orderNumber}/invoices/${invoiceNumber}/pdf`}
            className="text-sm text-[var(--brand-text)] underline"
          >
            Download PDF
          </a>
          <PrintButton />
        </span>
      </nav>
      <main className="mx-auto max-w-3xl print:max-w-none">
        <h1 className="sr-only">Invoice {invoiceNumber}</h1>
        <InvoiceView invoice={invoice} audience="staff" />
      </main>
    </div>
  );
}
