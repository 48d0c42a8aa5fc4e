import Papa from 'papaparse';
import { mapImportHeaders, MAX_IMPORT_ROWS } from '@/lib/imports/columns';
import type { FileRow } from './chunked-import';

const n = (x: number) => x.toLocaleString('en-US');

/**
 * Reads a CSV file in the browser: maps its first line to our columns
 * (spellings per column; case, spaces and punctuation do not matter) and
 * answers each row's cells in `order`, an absent column as empty. Rows are
 * numbered as in a spreadsheet (the header is row 1).
 */
export function readImportFile<C extends string>(
  file: File,
  columns: Record<C, readonly string[]>,
  check: (present: C[]) => string | null,
): Promise<{ ok: true; present: C[]; ignored: string[]; rows: (order: readonly C[]) => FileRow[] } | { ok: false; error: string }> {
  return new Promise((resolve) => {
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (parsed) => {
        const [header = [], ...data] = parsed.data;
        const { positions, repeated } = mapImportHeaders(columns, header);
        if (repeated.length) return resolve({ ok: false, error: `The first line names ${repeated.join(', ')} twice.` });
        const present = positions.filter((c): c is C => Boolean(c));
        const problem = check(present);
        if (problem) return resolve({ ok: false, error: problem });
        if (!data.length) return resolve({ ok: false, error: 'The file has no rows.' });
        if (data.length > MAX_IMPORT_ROWS) return resolve({ ok: false, error: `The file has ${n(data.length)} rows; import at most ${n(MAX_IMPORT_ROWS)} at a time.` });
        const ignored = header.filter((h, i) => h.trim() && !positions[i]);
        resolve({
          ok: true,
          present,
          ignored,
          rows: (order) => {
            const at = order.map((c) => positions.indexOf(c));
            return data.map((cells, i) => ({ row: i + 2, cells: at.map((j) => (j < 0 ? '' : (cells[j] ?? '').trim())) }));
          },
        });
      },
      error: (error) => resolve({ ok: false, error: `The file could not be read: ${error.message}` }),
    });
  });
}
