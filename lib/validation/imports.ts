import { z } from 'zod';
import { DEVICE_IMPORT_COLUMNS, IMPORT_CHUNK_ROWS, IMPORT_PREVIEW_ROWS, MAX_IMPORT_CELL, MAX_IMPORT_ROWS, PRODUCT_IMPORT_COLUMNS, REQUIRED_PRODUCT_IMPORT_COLUMNS } from '@/lib/imports/columns';

const rowCount = z
  .number()
  .int()
  .min(1, 'The file has no rows.')
  .max(MAX_IMPORT_ROWS, `A file may hold at most ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it.`);
const fileName = z.string().max(200).default('');

/** Starts a products file: the columns it has (at least SKU, manufacturer and model), and how many rows will follow. */
export const startProductImportSchema = z.object({
  columns: z
    .array(z.enum(PRODUCT_IMPORT_COLUMNS as [string, ...string[]]))
    .min(1)
    .max(PRODUCT_IMPORT_COLUMNS.length)
    .refine((c) => new Set(c).size === c.length, 'A column is named twice.')
    .refine((c) => REQUIRED_PRODUCT_IMPORT_COLUMNS.every((r) => c.includes(r)), 'The file needs the columns sku, manufacturer and model.'),
  rowCount,
  fileName,
});

/** Starts a device file: its rows always carry every device column, in DEVICE_IMPORT_COLUMNS order. */
export const startDeviceImportSchema = z.object({
  rowCount,
  fileName,
  createMissingProducts: z.boolean().default(false),
});

export const importBatchRef = z.object({ batchId: z.number().int().positive() });

/** One chunk of a file: rows by spreadsheet row number, each its cells in the batch's column order. */
export const uploadImportRowsSchema = importBatchRef.extend({
  rows: z
    .array(
      z.object({
        row: z.number().int().min(2).max(MAX_IMPORT_ROWS + 1),
        cells: z.array(z.string().max(MAX_IMPORT_CELL, `A cell is at most ${MAX_IMPORT_CELL} characters.`)).max(Math.max(PRODUCT_IMPORT_COLUMNS.length, DEVICE_IMPORT_COLUMNS.length)),
      }),
    )
    .min(1)
    .max(IMPORT_CHUNK_ROWS, `Send at most ${IMPORT_CHUNK_ROWS.toLocaleString('en-US')} rows at a time.`),
});

/** A range of a staged file to preview (inclusive row numbers). */
export const previewImportRangeSchema = importBatchRef
  .extend({ fromRow: z.number().int().min(2), toRow: z.number().int().min(2) })
  .refine((r) => r.toRow >= r.fromRow && r.toRow - r.fromRow < IMPORT_PREVIEW_ROWS, `Preview at most ${IMPORT_PREVIEW_ROWS.toLocaleString('en-US')} rows at a time.`);
