import Papa from 'papaparse';

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe. Papaparse's own `escapeFormulae` misses a
 * formula followed by a line break, so the guard is ours.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV lines for rows of plain values; text cells are guarded, numbers are left as they are. */
export function csvLines(rows: (string | number | null)[][], options: { header?: string[] } = {}): string {
  const guard = (cell: string | number | null) => (typeof cell === 'string' ? guardFormula(cell) : cell ?? '');
  const data = rows.map((r) => r.map(guard));
  if (!data.length && !options.header) return '';
  const text = Papa.unparse(options.header ? { fields: options.header.map(guardFormula), data } : data, {
    newline: '\r\n',
    header: Boolean(options.header),
  });
  // Every line ends with CRLF, so batches can be concatenated.
  return `${text.replace(/\r\n$/, '')}\r\n`;
}

/** The byte order mark that makes spreadsheet programs read a file as UTF-8. Every export starts with it. */
export const CSV_BOM = '\uFEFF';

/**
 * A CSV download: the BOM, then the body (text, or a stream of encoded
 * batches). Private: never kept by a shared cache.
 */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  const encoded =
    typeof body === 'string'
      ? `${CSV_BOM}${body}`
      : body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(CSV_BOM));
            },
          }),
        );
  return new Response(encoded, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
