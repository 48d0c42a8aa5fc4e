import { PDFDocument, type PDFPage } from 'pdf-lib';
import { brandTextColor } from '@/lib/brand';
import { formatDate as formatDay } from '@/lib/format/dates';
import { companyDetailLines } from '@/lib/company-profile';
import { shipToLines } from '@/lib/invoices/document';
import { drawRuns, embedTypefaces, hasCjk, widthOf } from '@/lib/invoices/pdf-fonts';
import { INK, MARGIN, MUTED, PAGE, RULE, hexColor, wrap } from '@/lib/invoices/pdf-layout';
import type { PackingSlipDocument } from './document';

/** Columns of the lines table: the product on the left, the two quantities right-aligned. */
const COLUMNS = {
  product: { x: MARGIN, width: 330 },
  ordered: { right: PAGE.width - MARGIN - 80 },
  committed: { right: PAGE.width - MARGIN },
};
/** Committed IMEIs print this many to a row under their line. */
const IDS_PER_ROW = 3;
const ID_COLUMN = 150;

/**
 * A packing slip: the seller's company block, order number, date and PO
 * number, the organization and its ship-to, each line with the quantities
 * ordered and committed and the committed IMEIs under it, and the tracking
 * numbers once shipped. It prints no price: it travels in the box.
 */
export async function renderPackingSlipPdf(doc: PackingSlipDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Packing slip for order ${doc.orderNumber}`);
  pdf.setSubject(`Packing slip for order ${doc.orderNumber}`);
  pdf.setAuthor(doc.sellerName);
  pdf.setCreator('Tradepost');
  const { regular, bold } = await embedTypefaces(pdf, { cjk: hasCjk(JSON.stringify(doc)) });
  const brand = hexColor(doc.brandColor);
  const brandText = hexColor(brandTextColor(doc.brandColor, '#ffffff'));
  const formatDate = (value: Date | string) => formatDay(value, doc.format);

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

  // Header: the seller's name on the left, "Packing slip" and the order number on the right.
  text(doc.sellerName, MARGIN, 20, bold, brandText);
  textRight('PACKING SLIP', PAGE.width - MARGIN, 20, bold);
  y -= 22;
  textRight(`Order ${doc.orderNumber}`, PAGE.width - MARGIN, 11, bold);
  y -= 12;
  page.drawRectangle({ x: MARGIN, y, width: PAGE.width - 2 * MARGIN, height: 3, color: brand });
  y -= 16;
  // Who ships it (Settings > Company), as the invoice prints it.
  const company = doc.company;
  const issuer = companyDetailLines(company);
  text(company.legalName, MARGIN, 10, bold);
  for (const line of issuer) {
    y -= 12;
    text(line, MARGIN, 9, regular, MUTED);
  }
  y -= 28;

  // Ship to (left) and the order's facts (right).
  const top = y;
  text('Ship to', MARGIN, 9, bold, MUTED);
  y -= 15;
  text(doc.organizationName, MARGIN, 11, bold);
  if (doc.shipTo) {
    if (doc.shipTo.label && doc.shipTo.label !== doc.organizationName) {
      y -= 14;
      text(doc.shipTo.label, MARGIN, 10, bold);
    }
    for (const line of shipToLines(doc.shipTo)) {
      y -= 14;
      text(line, MARGIN, 10);
    }
  } else {
    y -= 14;
    text('No shipping address on file when the order was placed.', MARGIN, 10, regular, MUTED);
  }
  const leftBottom = y;

  y = top;
  const facts: [string, string][] = [
    ['Order number', String(doc.orderNumber)],
    ['Order date', formatDate(doc.orderedAt)],
    ...(doc.poNumber ? ([['PO number', doc.poNumber]] as [string, string][]) : []),
    ['Ordered', String(doc.lines.reduce((sum, l) => sum + l.quantity, 0))],
    ['Committed', String(doc.lines.reduce((sum, l) => sum + l.committed, 0))],
  ];
  for (const [label, value] of facts) {
    text(label, PAGE.width - MARGIN - 200, 9, regular, MUTED);
    textRight(value, PAGE.width - MARGIN, 10);
    y -= 15;
  }
  y = Math.min(leftBottom, y) - 24;

  const tableHeader = () => {
    text('Product', COLUMNS.product.x, 9, bold, MUTED);
    textRight('Ordered', COLUMNS.ordered.right, 9, bold, MUTED);
    textRight('Committed', COLUMNS.committed.right, 9, bold, MUTED);
    y -= 6;
    rule(INK, 1);
    y -= 14;
  };
  const ensureRoom = (needed: number) => {
    if (y - needed >= MARGIN + 20) return;
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
    text(`${doc.sellerName} · Packing slip for order ${doc.orderNumber} (continued)`, MARGIN, 9, regular, MUTED);
    y -= 24;
    tableHeader();
  };
  tableHeader();
  for (const line of doc.lines) {
    const description = wrap(regular, line.sku ? `${line.description} (${line.sku})` : line.description, 10, COLUMNS.product.width);
    ensureRoom(description.length * 13 + 8);
    textRight(String(line.quantity), COLUMNS.ordered.right);
    textRight(String(line.committed), COLUMNS.committed.right, 10, line.committed < line.quantity ? bold : regular);
    for (const [i, part] of description.entries()) {
      text(part, COLUMNS.product.x);
      if (i < description.length - 1) y -= 13;
    }
    // The committed IMEIs (or serials), a few to a row, under their line.
    for (let i = 0; i < line.identifiers.length; i += IDS_PER_ROW) {
      y -= 12;
      ensureRoom(12);
      line.identifiers.slice(i, i + IDS_PER_ROW).forEach((id, j) => {
        const cell = wrap(regular, id, 9, ID_COLUMN - 8)[0]!;
        text(cell, COLUMNS.product.x + 12 + j * ID_COLUMN, 9, regular, MUTED);
      });
    }
    y -= 8;
    rule();
    y -= 14;
  }

  // Tracking numbers, once the order has shipped.
  if (doc.shipments.length) {
    ensureRoom(30 + doc.shipments.length * 14);
    y -= 8;
    text(doc.shipments.length === 1 ? 'Tracking number' : 'Tracking numbers', MARGIN, 9, bold, MUTED);
    for (const s of doc.shipments) {
      y -= 15;
      text(`${s.carrierName}: ${s.trackingNumber}`, MARGIN, 10);
    }
  }

  return pdf.save();
}
