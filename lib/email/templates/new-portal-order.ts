import { formatMoney } from '@/lib/money';
import { renderEmail, type EmailBrand } from '../render';

export type NewPortalOrderEmailData = {
  brand: EmailBrand;
  orderNumber: number;
  organizationName: string;
  placedBy: { name: string; email: string };
  poNumber: string | null;
  notes: string | null;
  /** The accepted quote the order was placed from (its lines are at the quoted prices). */
  quoteNumber?: number | null;
  currency: string;
  total: number;
  /** The order in the back office. */
  url: string;
  lines: { description: string; sku: string; quantity: number; unitPrice: number | null }[];
};

/** To the staff chosen in Customer Portal settings (the owners by default): a buyer placed an order through the Customer Portal. */
export function newPortalOrderEmail(data: NewPortalOrderEmailData) {
  const money = (n: number | null) => (n === null ? 'to be quoted' : formatMoney(n, data.currency, data.brand.locale));
  const units = data.lines.reduce((n, l) => n + l.quantity, 0);
  const subject = `New portal order ${data.orderNumber} from ${data.organizationName} (${money(data.total)})`;
  const paragraphs = [
    `${data.placedBy.name} (${data.placedBy.email}) of ${data.organizationName} placed order ${data.orderNumber} through the Customer Portal: ${units} ${units === 1 ? 'unit' : 'units'}, ${money(data.total)}${data.poNumber ? `, PO number ${data.poNumber}` : ''}.`,
    'Review it and assign devices to it in the back office.',
  ];
  if (data.quoteNumber) paragraphs.splice(1, 0, `The buyer accepted quote ${data.quoteNumber}: the order is at the quoted prices.`);
  if (data.notes) paragraphs.push(`Notes from the customer: ${data.notes}`);
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `New portal order ${data.orderNumber}`,
    paragraphs,
    table: {
      caption: `Order ${data.orderNumber}`,
      headers: ['Product', 'Quantity', 'Unit price'],
      rows: data.lines.map((l) => [`${l.description} (${l.sku})`, String(l.quantity), money(l.unitPrice)]),
      footer: ['Total', String(units), money(data.total)],
    },
    button: { label: `Open order ${data.orderNumber}`, url: data.url },
  });
  return { subject, html, text };
}
