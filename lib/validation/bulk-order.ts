import { z } from 'zod';

/** The most lines one paste or file may hold. */
export const MAX_BULK_ORDER_LINES = 500;

/** One line of a bulk order as typed: its line number, SKU and quantity (null: not a quantity). */
export type BulkOrderInputLine = { line: number; sku: string; quantity: number | null; quantityText: string };

const separators = ['\t', ';', ','] as const;

/** Splits one line at its first separator: a tab, a semicolon or a comma. */
function splitLine(text: string): [string, string] {
  const at = separators.map((s) => text.indexOf(s)).filter((i) => i >= 0);
  if (!at.length) return [text.trim(), ''];
  const i = Math.min(...at);
  return [text.slice(0, i).trim().replace(/^"|"$/g, ''), text.slice(i + 1).trim().replace(/^"|"$/g, '')];
}

/**
 * Reads pasted text or a CSV file of "SKU, quantity" lines (comma, tab or
 * semicolon; a header line naming the SKU is skipped; blank lines are not
 * counted). Line numbers are those of the text, so a refusal points at the line the buyer sees.
 */
export function parseBulkOrder(text: string): { lines: BulkOrderInputLine[]; tooMany: boolean } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const lines: BulkOrderInputLine[] = [];
  let seenFirst = false;
  rows.forEach((raw, index) => {
    if (!raw.trim()) return;
    const [sku, quantityText] = splitLine(raw);
    if (!seenFirst) {
      seenFirst = true;
      if (/sku/i.test(sku) && !/^\d+$/.test(quantityText)) return;
    }
    const n = /^\d{1,7}$/.test(quantityText) ? Number(quantityText) : null;
    lines.push({ line: index + 1, sku, quantity: n !== null && n >= 1 && n <= 1_000_000 ? n : null, quantityText });
  });
  return { lines: lines.slice(0, MAX_BULK_ORDER_LINES), tooMany: lines.length > MAX_BULK_ORDER_LINES };
}

/** The paste as the actions take it: the text, and for "Add", the line numbers the preview showed as good. */
export const bulkOrderPreviewSchema = z.object({
  text: z.string().max(200_000, 'That paste is too long: at most 500 lines of "SKU, quantity".'),
});

export const bulkOrderAddSchema = bulkOrderPreviewSchema.extend({
  lines: z.array(z.coerce.number().int().positive()).min(1, 'Nothing to add: no line of the preview can be ordered.').max(MAX_BULK_ORDER_LINES),
});
