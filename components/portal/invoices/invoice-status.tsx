import type { CustomerInvoiceStatus } from '@/db/queries/portal/invoices/list-invoices';
import { StatusBadge } from '@/components/ui/badge';

const labels: Record<CustomerInvoiceStatus, { text: string; color: string }> = {
  paid: { text: 'Paid', color: '#15803d' },
  unpaid: { text: 'Unpaid', color: '#b45309' },
  overdue: { text: 'Overdue', color: '#b91c1c' },
  credited: { text: 'Credited in full', color: '#475569' },
  void: { text: 'Void', color: '#64748b' },
};

export function invoiceStatusText(status: CustomerInvoiceStatus): string {
  return labels[status].text;
}

/** The status in words; the colour only repeats them. */
export function InvoiceStatus({ status }: { status: CustomerInvoiceStatus }) {
  const { text, color } = labels[status];
  return <StatusBadge color={color}>{text}</StatusBadge>;
}
