import { formatMoney } from '@/lib/money';
import type { RmaDisposition } from '@/db/schema';
import { renderEmail, type EmailBrand } from '../render';

export type ReturnRequestEmailData = {
  brand: EmailBrand;
  rmaNumber: number;
  organizationName: string;
  requestedBy: { name: string; email: string };
  notes: string | null;
  currency: string;
  /** The RMA in the back office. */
  url: string;
  lines: {
    imei: string;
    description: string;
    orderNumber: number;
    disposition: RmaDisposition;
    reason: string;
    requestedRefund: number | null;
  }[];
};

export const dispositionLabel: Record<RmaDisposition, string> = {
  return: 'Return',
  keep_partial_refund: 'Keep with partial refund',
};

/** To the seller's owners and admins: a customer asked to return devices from the portal. */
export function returnRequestEmail(data: ReturnRequestEmailData) {
  const count = data.lines.length;
  const subject = `Return request: RMA ${data.rmaNumber} from ${data.organizationName} (${count} ${count === 1 ? 'device' : 'devices'})`;
  const paragraphs = [
    `${data.requestedBy.name} (${data.requestedBy.email}) of ${data.organizationName} asked to return ${count} ${count === 1 ? 'device' : 'devices'} through the Customer Portal.`,
    'The RMA is in status Requested until you review it.',
  ];
  if (data.notes) paragraphs.push(`Notes from the customer: ${data.notes}`);
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Return request RMA ${data.rmaNumber}`,
    paragraphs,
    table: {
      caption: `Devices on RMA ${data.rmaNumber}`,
      headers: ['IMEI', 'Product', 'Order', 'Disposition', 'Reason', 'Requested refund'],
      rows: data.lines.map((l) => [
        l.imei,
        l.description,
        String(l.orderNumber),
        dispositionLabel[l.disposition],
        l.reason,
        l.requestedRefund === null ? '' : formatMoney(l.requestedRefund, data.currency, data.brand.locale),
      ]),
    },
    button: { label: `Open RMA ${data.rmaNumber}`, url: data.url },
  });
  return { subject, html, text };
}
