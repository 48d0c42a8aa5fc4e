import Link from 'next/link';
import type { CustomerOrder } from '@/db/queries/portal/orders/find-order';
import { StatusBadge } from '@/components/ui/badge';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';

/** The invoices of a customer's order, each with its page and PDF. `base` is the order's path. */
export function OrderInvoicesSection({ order, base }: { order: CustomerOrder; base: string }) {
  return (
    <>
      <h2 className="mb-3 mt-10 text-lg font-semibold">Invoices</h2>
      <Table caption={`Invoices of order ${order.number}`} cards>
        <thead>
          <tr>
            <Th>Invoice</Th>
            <Th>Issued</Th>
            <Th>Due</Th>
            <Th className="text-right">Total</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Downloads</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.invoices.length === 0 ? (
            <EmptyRow colSpan={6}>No invoice yet.</EmptyRow>
          ) : (
            order.invoices.map((invoice) => (
              <tr key={invoice.number}>
                <Td>
                  <Link href={`${base}/invoices/${invoice.number}`} className="font-medium text-[var(--brand-text)] hover:underline">
                    Invoice {invoice.number}
                  </Link>
                </Td>
                <Td label="Issued">{formatDate(invoice.issuedOn)}</Td>
                <Td label="Due">{formatDate(invoice.dueOn)}</Td>
                <Td label="Total" className="text-right tabular-nums">{formatMoney(invoice.total, invoice.currency)}</Td>
                <Td label="Status">
                  {invoice.voidedAt ? (
                    <StatusBadge color="#b91c1c">Void</StatusBadge>
                  ) : invoice.paidAt ? (
                    <StatusBadge color="#16a34a">Paid</StatusBadge>
                  ) : (
                    <StatusBadge color="#d97706">Unpaid</StatusBadge>
                  )}
                  {invoice.credited ? (
                    <span className="ml-1 text-xs text-slate-600">credited {formatMoney(invoice.credited, invoice.currency)}</span>
                  ) : null}
                </Td>
                <Td label="Download">
                  <a href={`${base}/invoices/${invoice.number}/pdf`} download className="text-[var(--brand-text)] hover:underline">
                    Download PDF
                  </a>
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>

    </>
  );
}
