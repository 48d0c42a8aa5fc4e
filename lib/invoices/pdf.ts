import { PDFDocument, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { brandTextColor } from '@/lib/brand';
import { formatMoney } from '@/lib/money';
import { formatDate as formatDay } from '@/lib/format/dates';
import { LOGO_BOX } from '@/lib/settings/logo-limits';
import { companyDetailLines } from '@/lib/company-profile';
import { addressLines, invoiceStateLabel, shipToLines, type InvoiceDocument } from './document';
import { drawRuns, embedTypefaces, hasCjk, widthOf } from './pdf-fonts';
import { INK, MARGIN, MUTED, PAGE, RULE, hexColor, wrap } from './pdf-layout';

const VOID_RED = rgb(0.72, 0.11, 0.11);

/** Columns of the lines table: right edge for numbers, left edge for text. */
const COLUMNS = {
  product: { x: MARGIN, width: 250 },
  quantity: { right: MARGIN + 320 },
  unitPrice: { right: MARGIN + 410 },
  amount: { right: PAGE.width - MARGIN },
};

/** Width and height from a PNG's IHDR, without decoding it; null for anything that is not a PNG. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || !signature.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Embeds the stored logo: a PNG re-encoded at upload to fit LOGO_BOX
 * (lib/settings/logo.ts). pdf-lib decodes it whole, so anything larger,
 * however it got into the table, is left out rather than decoded.
 */
async function embedLogo(pdf: PDFDocument, png: Uint8Array | null | undefined): Promise<PDFImage | null> {
  const size = png ? pngSize(png) : null;
  if (!png || !size || size.width > LOGO_BOX.width || size.height > LOGO_BOX.height) return null;
  try {
    return await pdf.embedPng(png);
  } catch {
    return null; // a damaged image must not stop the invoice; the name is printed instead
  }
}

/**
 * A clean one-or-more-page invoice: seller, invoice and order numbers,
 * organization and billing address, lines, total, payment method with its
 * instructions and the due date. Lines "to be quoted" say so. The logo is
 * the seller's stored PNG (findPortalLogoPng), passed in by the route.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: { logoPng?: Uint8Array | null } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Invoice ${doc.invoiceNumber}`);
  pdf.setSubject(`Invoice ${doc.invoiceNumber} for order ${doc.orderNumber}`);
  pdf.setAuthor(doc.sellerName);
  pdf.setCreator('Tradepost');
  // Every string of the document decides whether the CJK font is needed.
  const { regular, bold } = await embedTypefaces(pdf, { cjk: hasCjk(JSON.stringify(doc)) });
  const brand = hexColor(doc.brandColor);
  // The seller's name in its colour, darkened when that colour would not read on white (lib/brand.ts).
  const brandText = hexColor(brandTextColor(doc.brandColor, '#ffffff'));
  const money = (minor: number) => formatMoney(minor, doc.currency, doc.format.locale);
  const formatDate = (value: Date | string) => formatDay(value, doc.format);
  const logo = await embedLogo(pdf, options.logoPng);

  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;

  const text = (value: string, x: number, size = 10, font = regular, color = INK) => {
    drawRuns(page, font, value, { x, y, size, color });
  };
  const textRight = (value: string, right: number, size = 10, font = regular, color = INK) => {
    drawRuns(page, font, value, { x: right - widthOf(font, value, size), y, size, color });
  };
  const rule = (color = RULE, thickness = 0.75) => {
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE.width - MARGIN, y }, thickness, color });
  };

  // Header: the seller (logo or name) on the left, "Invoice" and its number on the right.
  if (logo) {
    const scale = Math.min(160 / logo.width, 40 / logo.height, 1);
    page.drawImage(logo, { x: MARGIN, y: y - logo.height * scale + 12, width: logo.width * scale, height: logo.height * scale });
  } else {
    text(doc.sellerName, MARGIN, 20, bold, brandText);
  }
  textRight(doc.voided ? 'VOID INVOICE' : 'INVOICE', PAGE.width - MARGIN, 20, bold, doc.voided ? VOID_RED : INK);
  y -= 22;
  if (logo) text(doc.sellerName, MARGIN, 10, bold, brandText);
  textRight(`Invoice ${doc.invoiceNumber}`, PAGE.width - MARGIN, 11, bold);
  y -= 12;
  page.drawRectangle({ x: MARGIN, y, width: PAGE.width - 2 * MARGIN, height: 3, color: brand });
  y -= 16;
  // Who issues the invoice (Settings > Company): legal name, address, tax number, contact.
  const company = doc.company;
  const issuer = companyDetailLines(company);
  text(company.legalName, MARGIN, 10, bold);
  for (const line of issuer) {
    y -= 12;
    text(line, MARGIN, 9, regular, MUTED);
  }
  y -= 28;
  if (doc.voided) {
    text('VOID', MARGIN, 16, bold, VOID_RED);
    y -= 15;
    const why = wrap(regular, `This invoice was voided on ${formatDate(doc.voided.at)} and is not payable${doc.voided.reason ? `: ${doc.voided.reason}` : '.'}`, 10, PAGE.width - 2 * MARGIN);
    for (const part of why) {
      text(part, MARGIN, 10, regular, VOID_RED);
      y -= 13;
    }
    y -= 15;
  }

  // Bill to (left) and the invoice facts (right).
  const top = y;
  text('Bill to', MARGIN, 9, bold, MUTED);
  y -= 15;
  text(doc.organizationName, MARGIN, 11, bold);
  for (const line of addressLines(doc.billingAddress)) {
    y -= 14;
    text(line, MARGIN, 10);
  }
  if (doc.shipTo) {
    y -= 24;
    text('Ship to', MARGIN, 9, bold, MUTED);
    y -= 15;
    text(doc.shipTo.label, MARGIN, 11, bold);
    for (const line of shipToLines(doc.shipTo)) {
      y -= 14;
      text(line, MARGIN, 10);
    }
  }
  const leftBottom = y;

  y = top;
  const facts: [string, string][] = [
    ['Invoice number', String(doc.invoiceNumber)],
    ['Order number', String(doc.orderNumber)],
    ...(doc.poNumber ? ([['PO number', doc.poNumber]] as [string, string][]) : []),
    ['Issued', formatDate(doc.issuedOn)],
    ['Due date', formatDate(doc.dueOn)],
    ['Status', invoiceStateLabel(doc)],
  ];
  for (const [label, value] of facts) {
    text(label, PAGE.width - MARGIN - 200, 9, regular, MUTED);
    textRight(value, PAGE.width - MARGIN, 10, label === 'Due date' ? bold : regular);
    y -= 15;
  }
  y = Math.min(leftBottom, y) - 24;

  // Lines, repeating the header on each new page.
  const tableHeader = () => {
    text('Product', COLUMNS.product.x, 9, bold, MUTED);
    textRight('Qty', COLUMNS.quantity.right, 9, bold, MUTED);
    textRight('Unit price', COLUMNS.unitPrice.right, 9, bold, MUTED);
    textRight('Amount', COLUMNS.amount.right, 9, bold, MUTED);
    y -= 6;
    rule(INK, 1);
    y -= 14;
  };
  const ensureRoom = (needed: number) => {
    if (y - needed >= MARGIN + 20) return;
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
    text(`${doc.sellerName} · Invoice ${doc.invoiceNumber} (continued)`, MARGIN, 9, regular, MUTED);
    y -= 24;
    tableHeader();
  };
  tableHeader();
  for (const line of doc.lines) {
    const description = wrap(regular, line.sku ? `${line.description} (${line.sku})` : line.description, 10, COLUMNS.product.width);
    ensureRoom(description.length * 13 + 8);
    const quoted = line.unitPrice === null;
    textRight(String(line.quantity), COLUMNS.quantity.right);
    textRight(quoted ? 'to be quoted' : money(line.unitPrice!), COLUMNS.unitPrice.right, 10, regular, quoted ? MUTED : INK);
    textRight(quoted ? 'to be quoted' : money(line.amount), COLUMNS.amount.right, 10, regular, quoted ? MUTED : INK);
    for (const [i, part] of description.entries()) {
      text(part, COLUMNS.product.x);
      if (i < description.length - 1) y -= 13;
    }
    y -= 8;
    rule();
    y -= 14;
  }
  ensureRoom(40);
  text('Total', COLUMNS.unitPrice.right - 60, 12, bold);
  textRight(money(doc.total), COLUMNS.amount.right, 12, bold);
  y -= 16;
  const credits = doc.creditNotes ?? [];
  for (const note of credits) {
    ensureRoom(20);
    const label = wrap(regular, `Credit note ${note.number} (${formatDate(note.issuedOn)}): ${note.reason}`, 10, COLUMNS.unitPrice.right - MARGIN);
    textRight(`-${money(note.amount)}`, COLUMNS.amount.right);
    for (const [i, part] of label.entries()) {
      text(part, MARGIN);
      if (i < label.length - 1) y -= 13;
    }
    y -= 14;
  }
  if (credits.length) {
    ensureRoom(20);
    text('Balance after credit notes', COLUMNS.unitPrice.right - 140, 11, bold);
    textRight(money(doc.balance ?? doc.total), COLUMNS.amount.right, 11, bold);
    y -= 16;
  }
  if (doc.lines.some((l) => l.unitPrice === null)) {
    text('Lines marked "to be quoted" are not in the total; their price will be confirmed.', MARGIN, 9, regular, MUTED);
    y -= 14;
  }
  y -= 16;

  // Payment: method, instructions and the due date, kept together.
  const instructions = wrap(regular, doc.paymentInstructions || '', 10, PAGE.width - 2 * MARGIN);
  ensureRoom(60 + instructions.length * 13);
  text('Payment', MARGIN, 9, bold, MUTED);
  y -= 15;
  text(
    doc.paymentMethodName ? `${doc.paymentMethodName}, due ${formatDate(doc.dueOn)}` : `To be agreed with your sales representative, due ${formatDate(doc.dueOn)}`,
    MARGIN,
    11,
    bold,
  );
  for (const part of doc.paymentInstructions ? instructions : []) {
    y -= 14;
    text(part, MARGIN);
  }
  y -= 20;
  text(`Please quote invoice ${doc.invoiceNumber} with your payment.`, MARGIN, 9, regular, MUTED);

  return pdf.save();
}
