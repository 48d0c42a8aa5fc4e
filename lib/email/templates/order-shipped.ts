import { renderEmail, type EmailBrand } from '../render';

export type OrderShippedEmailData = {
  brand: EmailBrand;
  orderNumber: number;
  organizationName: string;
  poNumber: string | null;
  orderUrl: string;
  shipments: { carrierName: string; trackingNumber: string; trackingUrl: string | null }[];
  /** Each line with the IMEIs (or serials) of the devices committed to it. */
  lines: { description: string; sku: string; quantity: number; identifiers: string[] }[];
};

/** To the buyer: the order has shipped, with its tracking links and the IMEIs of the devices in it. */
export function orderShippedEmail(data: OrderShippedEmailData) {
  const subject = `Your order ${data.orderNumber} from ${data.brand.name} has shipped`;
  const tracking = data.shipments.map((s) =>
    s.trackingUrl ? `${s.carrierName} ${s.trackingNumber}: ${s.trackingUrl}` : `${s.carrierName} ${s.trackingNumber}`,
  );
  const paragraphs = [
    `Hello ${data.organizationName},`,
    `Your order ${data.orderNumber}${data.poNumber ? ` (PO number ${data.poNumber})` : ''} has shipped.`,
    `Tracking: ${tracking.join('; ')}`,
  ];
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Order ${data.orderNumber} has shipped`,
    paragraphs,
    table: {
      caption: `Devices in order ${data.orderNumber}`,
      headers: ['Product', 'Quantity', 'IMEIs'],
      rows: data.lines.map((l) => [`${l.description} (${l.sku})`, String(l.quantity), l.identifiers.join(', ') || '—']),
    },
    button: { label: `View order ${data.orderNumber}`, url: data.orderUrl },
  });
  return { subject, html, text };
}
