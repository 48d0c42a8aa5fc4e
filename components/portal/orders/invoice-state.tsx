import type { CustomerInvoiceState } from '@/db/queries/portal/orders/list-orders';
import { formatDate } from '@/lib/format/dates';

/** "Unpaid · due Dec 31, 2026", "Paid" or "Not invoiced", as the buyer reconciles them with their POs. */
export function invoiceStateText(invoice: CustomerInvoiceState, today = new Date().toISOString().slice(0, 10)): string {
  if (invoice.state === 'not_invoiced') return 'Not invoiced';
  if (invoice.state === 'paid') return 'Paid';
  const overdue = invoice.dueOn < today;
  return `${overdue ? 'Overdue' : 'Unpaid'} · due ${formatDate(invoice.dueOn)}${invoice.count > 1 ? ` (${invoice.count} invoices)` : ''}`;
}

export function InvoiceState({ invoice }: { invoice: CustomerInvoiceState }) {
  const text = invoiceStateText(invoice);
  const tone =
    invoice.state === 'paid' ? 'text-green-800' : invoice.state === 'unpaid' ? (text.startsWith('Overdue') ? 'font-medium text-red-800' : 'text-amber-900') : 'text-slate-600';
  return <span className={`whitespace-nowrap ${tone}`}>{text}</span>;
}
