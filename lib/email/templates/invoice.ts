import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';
import { renderEmail, type EmailBrand } from '../render';

export type InvoiceEmailData = {
  brand: EmailBrand;
  invoiceNumber: number;
  orderNumber: number;
  organizationName: string;
  poNumber: string | null;
  currency: string;
  issuedOn: string;
  dueOn: string;
  paymentMethodName: string | null;
  paymentInstructions: string;
  total: number;
  lines: { description: string; sku: string | null; quantity: number; unitPrice: number | null; amount: number }[];
  /** The order's page in the portal (not the list), from the configured public URL. */
  orderUrl?: string;
  /** The invoice's PDF in the portal. */
  invoicePdfUrl?: string;
};

/**
 * The invoice email: products and quantities only. No IMEI appears here, since
 * none is assigned to the order when a portal order is placed.
 */
export function invoiceEmail(data: InvoiceEmailData) {
  const money = (n: number) => formatMoney(n, data.currency, data.brand.locale);
  const anyToQuote = data.lines.some((l) => l.unitPrice === null);
  const subject = `Invoice ${data.invoiceNumber} for order ${data.orderNumber} from ${data.brand.name}`;
  const paragraphs = [
    `Hello ${data.organizationName},`,
    `Thank you for your order ${data.orderNumber}${data.poNumber ? ` (PO number ${data.poNumber})` : ''}. Here is invoice ${data.invoiceNumber}, issued ${formatDate(data.issuedOn, data.brand)} and due ${formatDate(data.dueOn, data.brand)}.`,
    data.paymentMethodName
      ? `Payment method: ${data.paymentMethodName}. ${data.paymentInstructions}`.trim()
      : 'Payment method: to be agreed with your sales representative.',
  ];
  if (anyToQuote) paragraphs.push('Lines marked "to be quoted" have no list price yet; we will confirm their price before the order ships.');
  paragraphs.push('The serial numbers (IMEIs) of your devices will be listed on the order once we assign them to it.');
  if (data.invoicePdfUrl) paragraphs.push(`Invoice ${data.invoiceNumber} (PDF): ${data.invoicePdfUrl}`);
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Invoice ${data.invoiceNumber}`,
    paragraphs,
    table: {
      caption: `Order ${data.orderNumber}`,
      headers: ['Product', 'Quantity', 'Unit price', 'Amount'],
      rows: data.lines.map((l) => [
        l.sku ? `${l.description} (${l.sku})` : l.description,
        String(l.quantity),
        l.unitPrice === null ? 'to be quoted' : money(l.unitPrice),
        l.unitPrice === null ? 'to be quoted' : money(l.amount),
      ]),
      footer: ['Total', '', '', money(data.total)],
    },
    button: data.orderUrl ? { label: `View order ${data.orderNumber}`, url: data.orderUrl } : undefined,
  });
  return { subject, html, text };
}
