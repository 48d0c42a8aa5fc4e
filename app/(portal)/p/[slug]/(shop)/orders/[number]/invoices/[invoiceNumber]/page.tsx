import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { parseId } from '@/lib/url-params';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findCustomerInvoice } from '@/db/queries/invoices/find-invoice-document';
import { InvoiceView } from '@/components/invoices/invoice-view';
import { buttonClass } from '@/components/ui/button';

export async function generateMetadata({ params }: { params: Promise<{ invoiceNumber: string }> }): Promise<Metadata> {
  return { title: `Invoice ${(await params).invoiceNumber}` };
}

export default async function InvoicePage({
  params,
}: {
  params: Promise<{ slug: string; number: string; invoiceNumber: string }>;
}) {
  const { slug, number, invoiceNumber } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const invoice = await findCustomerInvoice(await getDb(), {
    ...scopeOf(customer),
    orderNumber: (parseId(number) ?? notFound()),
    invoiceNumber: (parseId(invoiceNumber) ?? notFound()),
  });
  if (!invoice) notFound();
  const orderPath = `/p/${slug}/orders/${invoice.orderNumber}`;
  return (
    <div className="mx-auto max-w-4xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={orderPath} className="text-sm text-[var(--brand-text)] hover:underline">
          ← Order {invoice.orderNumber}
        </Link>
        <a href={`${orderPath}/invoices/${invoice.invoiceNumber}/pdf`} download className={buttonClass('primary')}>
          Download PDF
        </a>
      </div>
      <h1 className="sr-only">Invoice {invoice.invoiceNumber}</h1>
      <InvoiceView invoice={invoice} />
    </div>
  );
}
