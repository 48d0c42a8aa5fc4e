import Link from 'next/link';
import type { CustomerInvoiceRow } from '@/db/queries/portal/invoices/list-invoices';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { InvoiceStatus } from './invoice-status';

/**
 * The organization's invoices, each with its order, its page and its PDF
 * (the invoice pages under the order). `base` is the portal's root path.
 */
export function InvoicesTable({ rows, base, caption, empty }: { rows: CustomerInvoiceRow[]; base: string; caption: string; empty: string }) {
  return (
    <Table caption={caption} cards>
      <thead>
        <tr>
          <Th>Invoice</Th>
          <Th>Order</Th>
          <Th>Issued</Th>
          <Th>Due</Th>
          <Th className="text-right">Total</Th>
          <Th className="text-right">Balance due</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Downloads</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? (
          <EmptyRow colSpan={8}>{empty}</EmptyRow>
        ) : (
          rows.map((invoice) => {
            const path = `${base}/orders/${invoice.orderNumber}/invoices/${invoice.number}`;
            const money = (minor: number) => formatMoney(minor, invoice.currency);
            const open = invoice.status === 'unpaid' || invoice.status === 'overdue';
            return (
              <tr key={invoice.number} className={invoice.status === 'overdue' ? 'bg-red-50' : undefined}>
                <Td>
                  <Link href={path} className="font-medium text-[var(--brand-text)] hover:underline">
                    Invoice {invoice.number}
                  </Link>
                </Td>
                <Td label="Order">
                  <Link href={`${base}/orders/${invoice.orderNumber}`} className="text-[var(--brand-text)] hover:underline">
                    Order {invoice.orderNumber}
                  </Link>
                </Td>
                <Td label="Issued">{formatDate(invoice.issuedOn)}</Td>
                <Td label="Due" className={invoice.status === 'overdue' ? 'font-semibold text-red-800' : undefined}>{formatDate(invoice.dueOn)}</Td>
                <Td label="Total" className="text-right tabular-nums">
                  {invoice.status === 'void' ? <s>{money(invoice.total)}</s> : money(invoice.total)}
                  {invoice.credited ? <span className="block text-xs text-slate-600">credited {money(invoice.credited)}</span> : null}
                </Td>
                <Td label="Balance due" className="text-right tabular-nums">{open ? money(invoice.balance) : <span className="text-slate-500">—</span>}</Td>
                <Td label="Status">
                  <InvoiceStatus status={invoice.status} />
                </Td>
                <Td label="Download">
                  <a
                    href={`${path}/pdf`}
                    download
                    className="text-[var(--brand-text)] hover:underline"
                    aria-label={`Download invoice ${invoice.number} as PDF`}
                  >
                    PDF
                  </a>
                </Td>
              </tr>
            );
          })
        )}
      </tbody>
    </Table>
  );
}
