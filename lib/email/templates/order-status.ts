import { renderEmail, type EmailBrand } from '../render';

export type OrderStatusEmailData = {
  brand: EmailBrand;
  orderNumber: number;
  organizationName: string;
  poNumber: string | null;
  statusName: string;
  orderUrl: string;
};

/** To the buyer: the order entered a status the seller emails about. */
export function orderStatusEmail(data: OrderStatusEmailData) {
  const subject = `Order ${data.orderNumber} is now ${data.statusName}`;
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: subject,
    paragraphs: [
      `Hello ${data.organizationName},`,
      `Your order ${data.orderNumber}${data.poNumber ? ` (PO number ${data.poNumber})` : ''} with ${data.brand.name} is now ${data.statusName}.`,
    ],
    button: { label: `View order ${data.orderNumber}`, url: data.orderUrl },
  });
  return { subject, html, text };
}
