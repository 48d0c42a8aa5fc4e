import Papa from 'papaparse';

/**
 * CSV cells that start with =, +, - or @ are read as formulas by spreadsheets;
 * a leading apostrophe keeps them as text (OWASP CSV injection advice).
 */
function safeCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvRows(rows: (string | number | null | undefined)[][]): string {
  return Papa.unparse(rows.map((r) => r.map(safeCell)), { newline: '\r\n' }) + '\r\n';
}

/** A CSV download response; private, never cached by a shared cache. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
