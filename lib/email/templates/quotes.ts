import { formatMoney } from '@/lib/money';
import { formatDate } from '@/lib/format/dates';
import { renderEmail, type EmailBrand } from '../render';

/** A quote line as the emails list it. */
export type QuoteEmailLine = {
  description: string;
  sku: string;
  quantity: number;
  targetUnitPrice: number | null;
  quotedUnitPrice: number | null;
};

type QuoteEmailBase = {
  brand: EmailBrand;
  quoteNumber: number;
  organizationName: string;
  currency: string;
  /** The quote in the back office (staff emails) or in the portal (buyer emails). */
  url: string;
  lines: QuoteEmailLine[];
};

const units = (lines: QuoteEmailLine[]) => lines.reduce((n, l) => n + l.quantity, 0);
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/** To the seller's owners: a buyer asked for a quote from their cart. */
export function quoteRequestEmail(data: QuoteEmailBase & { requestedBy: { name: string; email: string }; message: string | null }) {
  const money = (n: number | null) => (n === null ? '' : formatMoney(n, data.currency, data.brand.locale));
  const subject = `Quote request ${data.quoteNumber} from ${data.organizationName} (${plural(data.lines.length, 'line')})`;
  const paragraphs = [
    `${data.requestedBy.name} (${data.requestedBy.email}) of ${data.organizationName} asked for a quote on ${plural(data.lines.length, 'line')}, ${plural(units(data.lines), 'unit')}, through the Customer Portal.`,
    'Answer it with a unit price for every line and the date the prices hold until.',
  ];
  if (data.message) paragraphs.push(`Message from the customer: ${data.message}`);
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Quote request ${data.quoteNumber}`,
    paragraphs,
    table: {
      caption: `Quote ${data.quoteNumber}`,
      headers: ['Product', 'Quantity', 'Target unit price'],
      rows: data.lines.map((l) => [`${l.description} (${l.sku})`, String(l.quantity), money(l.targetUnitPrice)]),
    },
    button: { label: `Answer quote ${data.quoteNumber}`, url: data.url },
  });
  return { subject, html, text };
}

/** To the buyer who asked: the seller priced their quote. */
export function quoteAnswerEmail(data: QuoteEmailBase & { validUntil: string; note: string | null; replaced: boolean }) {
  const money = (n: number | null) => (n === null ? '' : formatMoney(n, data.currency, data.brand.locale));
  const total = data.lines.reduce((sum, l) => sum + (l.quotedUnitPrice ?? 0) * l.quantity, 0);
  const subject = `${data.replaced ? 'Updated quote' : 'Your quote'} ${data.quoteNumber} from ${data.brand.name}: ${money(total)}`;
  const paragraphs = [
    `${data.brand.name} ${data.replaced ? 'updated the prices of' : 'answered'} your quote request ${data.quoteNumber}: ${plural(units(data.lines), 'unit')} for ${money(total)}.`,
    `The prices hold until ${formatDate(data.validUntil, data.brand)}. Accept the quote in the portal to place the order at these prices.`,
  ];
  if (data.note) paragraphs.push(`Note from ${data.brand.name}: ${data.note}`);
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Quote ${data.quoteNumber}`,
    paragraphs,
    table: {
      caption: `Quote ${data.quoteNumber}`,
      headers: ['Product', 'Quantity', 'Your target', 'Quoted unit price'],
      rows: data.lines.map((l) => [`${l.description} (${l.sku})`, String(l.quantity), money(l.targetUnitPrice), money(l.quotedUnitPrice)]),
      footer: ['Total', String(units(data.lines)), '', money(total)],
    },
    button: { label: `Open quote ${data.quoteNumber}`, url: data.url },
  });
  return { subject, html, text };
}

/** To the buyer who asked: the seller withdrew the quote. */
export function quoteWithdrawnEmail(data: QuoteEmailBase) {
  const subject = `Quote ${data.quoteNumber} from ${data.brand.name} was withdrawn`;
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Quote ${data.quoteNumber} withdrawn`,
    paragraphs: [
      `${data.brand.name} withdrew quote ${data.quoteNumber}; it can no longer be accepted.`,
      'You can order the products at your current prices, or ask for a new quote from your cart.',
    ],
    button: { label: `Open quote ${data.quoteNumber}`, url: data.url },
  });
  return { subject, html, text };
}

/** To the seller's owners: the buyer declined a quote. */
export function quoteDeclinedEmail(data: QuoteEmailBase & { declinedBy: { name: string; email: string } }) {
  const subject = `Quote ${data.quoteNumber} declined by ${data.organizationName}`;
  const { html, text } = renderEmail({
    brand: data.brand,
    heading: `Quote ${data.quoteNumber} declined`,
    paragraphs: [`${data.declinedBy.name} (${data.declinedBy.email}) of ${data.organizationName} declined quote ${data.quoteNumber}.`],
    button: { label: `Open quote ${data.quoteNumber}`, url: data.url },
  });
  return { subject, html, text };
}
