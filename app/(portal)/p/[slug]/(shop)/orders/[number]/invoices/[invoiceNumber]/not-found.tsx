import { PortalNotFound } from '@/components/portal/states/portal-not-found';

export default function InvoiceNotFound() {
  return <PortalNotFound noun="Invoice" param="invoiceNumber" back={{ path: '/invoices', label: 'Invoices' }} />;
}
