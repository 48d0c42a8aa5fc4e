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
