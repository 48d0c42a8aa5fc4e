import { formatMoney } from '@/lib/money';
import { renderEmail, type EmailBrand } from '../render';

export type OrderConfirmationEmailData = {
  brand: EmailBrand;
  orderNumber: number;
  buyerName: string;
  organizationName: string;
  poNumber: string | null;
  currency: string;
  total: number;
  /** The order's page in the portal. */
  orderUrl: string;
  lines: { description: string; sku: string; quantity: number; unitPrice: number | null }[];
};

/**
 * To the buyer who placed a portal order: what was ordered, at what price.
 * Never an IMEI: none is committed when the order is placed.
 */
export function orderConfirmationEmail(data: OrderConfirmationEmailData) {
  const money = (n: number | null) => (n === null ? 'to be quoted' : formatMoney(n, data.currency, data.brand.locale));
  const units = data.lines.reduce((n, l) => n + l.quantity, 0);
  const anyToQuote = data.lines.some((l) => l.unitPrice === null);
  const subject = `Order ${data.orderNumber} received by ${data.brand.name}`;
  const paragraphs = [
    `Hello ${data.buyerName},`,
    `Thank you for your order ${data.orderNumber} for ${data.organizationName}${data.poNumber ? ` (PO number ${data.poNumber})` : ''}: ${units} ${units === 1 ? 'unit' : 'units'}, ${money(data.total)}.`,
    'We will review it and let you know when it ships. The serial numbers (IMEIs) of your devices will be listed on the order once we assign them to it.',
  ];
  if (anyToQuote) paragraphs.push('Lines marked "to be quoted" have no list price yet; we will confirm their price before the order ships.');
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Order ${data.orderNumber} received`,
    paragraphs,
    table: {
      caption: `Order ${data.orderNumber}${data.poNumber ? ` · PO number ${data.poNumber}` : ''}`,
      headers: ['Product', 'Quantity', 'Unit price', 'Amount'],
      rows: data.lines.map((l) => [
        `${l.description} (${l.sku})`,
        String(l.quantity),
        money(l.unitPrice),
        l.unitPrice === null ? 'to be quoted' : money(l.unitPrice * l.quantity),
      ]),
      footer: ['Total', String(units), '', money(data.total)],
    },
    button: { label: `View order ${data.orderNumber}`, url: data.orderUrl },
  });
  return { subject, html, text };
}
