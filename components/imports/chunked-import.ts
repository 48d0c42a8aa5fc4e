import { uploadImportRowsAction } from '@/lib/actions/imports/upload-import-rows';
import type { ActionResult } from '@/lib/actions/result';
import { IMPORT_CHUNK_ROWS, IMPORT_PREVIEW_ROWS } from '@/lib/imports/columns';

/** A row of a file as the browser read it: its spreadsheet row number (header = 1) and cells in the batch's column order. */
export type FileRow = { row: number; cells: string[] };

/** Where a chunked import is: rows uploaded, or rows previewed, out of the file's rows. */
export type ChunkProgress = { stage: 'upload' | 'preview'; done: number; total: number };

type Failure = { ok: false; error: string; problems?: string[] };

/**
 * Uploads a file's rows to its batch chunk by chunk (each call well under the
 * request limit), reporting progress after each; then previews it range by
 * range and answers every range's preview. Stops at the first refusal.
 */
export async function stageAndPreview<P>(params: {
  batchId: number;
  rows: readonly FileRow[];
  preview: (range: { batchId: number; fromRow: number; toRow: number }) => Promise<ActionResult<P>>;
  onProgress: (progress: ChunkProgress) => void;
}): Promise<{ ok: true; parts: P[] } | Failure> {
  const { batchId, rows, onProgress } = params;
  const total = rows.length;
  for (let start = 0; start < total; start += IMPORT_CHUNK_ROWS) {
    onProgress({ stage: 'upload', done: start, total });
    const answer = await uploadImportRowsAction({ batchId, rows: rows.slice(start, start + IMPORT_CHUNK_ROWS) });
    if (!answer.ok) return answer;
  }
  onProgress({ stage: 'upload', done: total, total });
  const parts: P[] = [];
  const first = rows[0]?.row ?? 2;
  const last = rows.at(-1)?.row ?? first;
  for (let from = first; from <= last; from += IMPORT_PREVIEW_ROWS) {
    onProgress({ stage: 'preview', done: from - first, total });
    const answer = await params.preview({ batchId, fromRow: from, toRow: Math.min(last, from + IMPORT_PREVIEW_ROWS - 1) });
    if (!answer.ok) return answer;
    parts.push(answer.data);
  }
  onProgress({ stage: 'preview', done: total, total });
  return { ok: true, parts };
}
