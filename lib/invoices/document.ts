import type { PostalAddress, ShipTo } from '@/db/schema';
import type { CompanyProfile } from '@/lib/company-profile';
import type { FormatStyle } from '@/lib/format/request-format';

/** Everything an issued invoice shows, read once and rendered as HTML or PDF. */
export type InvoiceDocument = {
  sellerName: string;
  /** Who issues it (Settings > Company): the legal name (the seller's name until one is set), address, tax number, contact. */
  company: CompanyProfile & { legalName: string };
  /** The seller's locale and time zone: every rendering formats dates and money with them. */
  format: FormatStyle;
  brandColor: string;
  /** The seller's logo, where it is served (the PDF embeds its stored PNG instead). */
  logo: { path: string; width: number; height: number } | null;
  invoiceNumber: number;
  orderNumber: number;
  /** Staff print extras (the customer's page and the PDF leave them out). */
  orderedAt?: Date;
  poNumber: string | null;
  organizationName: string;
  organizationEmail?: string | null;
  organizationPhone?: string | null;
  billingAddress: PostalAddress | null;
  /** Where the order ships: the snapshot the order took when it was placed. */
  shipTo?: ShipTo | null;
  issuedOn: string;
  dueOn: string;
  paid: boolean;
  paidAt?: Date | null;
  currency: string;
  paymentMethodName: string | null;
  paymentInstructions: string;
  lines: { description: string; sku: string | null; quantity: number; unitPrice: number | null; amount: number }[];
  total: number;
  /** A void invoice keeps its number and shows as Void on every rendering. */
  voided?: { at: Date; reason: string } | null;
  /** Credit notes issued against it, and what is still due after them. */
  creditNotes?: { number: number; issuedOn: string; amount: number; reason: string }[];
  balance?: number;
};

/** The invoice's state in words: "Void", "Paid", "Unpaid". */
export function invoiceStateLabel(invoice: Pick<InvoiceDocument, 'voided' | 'paid'>): 'Void' | 'Paid' | 'Unpaid' {
  return invoice.voided ? 'Void' : invoice.paid ? 'Paid' : 'Unpaid';
}

/** A ship-to as printed lines: the person to deliver to, the address, the phone. */
export function shipToLines(shipTo: ShipTo | null | undefined): string[] {
  if (!shipTo) return [];
  return [shipTo.attention ? `Attn: ${shipTo.attention}` : '', ...addressLines(shipTo), shipTo.phone ?? ''].filter(Boolean);
}

/** An address as printed lines, skipping empty parts. */
export function addressLines(address: PostalAddress | null): string[] {
  if (!address) return [];
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, [cityLine, address.region].filter(Boolean).join(', '), address.country]
    .map((part) => part?.trim() ?? '')
    .filter(Boolean);
}
