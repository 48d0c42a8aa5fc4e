import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { sellers, staffUsers } from './sellers';

/**
 * A CSV file being imported in chunks: owned by the seller and the staff user
 * who started it (nobody else can add to, preview or apply it), open until it
 * is applied once, and deleted with its rows when it expires.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    staffUserId: integer('staff_user_id').notNull(),
    /** products or devices. */
    kind: text('kind').notNull(),
    /** The file's columns, in the order of every row's cells. */
    columns: text('columns').array().notNull(),
    /** e.g. { createMissingProducts: true } for a device import. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    fileName: text('file_name').notNull().default(''),
    /** How many rows the file has: apply refuses a batch that did not receive them all. */
    rowCount: integer('row_count').notNull(),
    /** open, then applied (once). */
    status: text('status').notNull().default('open'),
    /** What the apply did, answered again to a second apply of the same batch. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('import_batches_id_seller_unique').on(t.id, t.sellerId),
    index('import_batches_expires_idx').on(t.expiresAt),
    foreignKey({ name: 'import_batches_staff_fk', columns: [t.staffUserId, t.sellerId], foreignColumns: [staffUsers.id, staffUsers.sellerId] }),
    check('import_batches_kind', sql`${t.kind} in ('products', 'devices')`),
    check('import_batches_status', sql`${t.status} in ('open', 'applied')`),
    check('import_batches_row_count', sql`${t.rowCount} between 1 and 100000`),
  ],
);

/**
 * One staged row of a batch: its spreadsheet row number and cells as read.
 * `key` and `key2` are what must not repeat within a file (a product's SKU; a
 * device's IMEI and serial number); `product_key` is the SKU a device row
 * names or would create, to find the row that first names a new product.
 */
export const importBatchRows = pgTable(
  'import_batch_rows',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    cells: text('cells').array().notNull(),
    key: text('key'),
    key2: text('key2'),
    productKey: text('product_key'),
  },
  (t) => [
    primaryKey({ name: 'import_batch_rows_pkey', columns: [t.batchId, t.row] }),
    index('import_batch_rows_key_idx').on(t.batchId, t.key, t.row),
    index('import_batch_rows_key2_idx').on(t.batchId, t.key2, t.row),
    index('import_batch_rows_product_key_idx').on(t.batchId, t.productKey, t.row),
  ],
);

export type ImportBatch = typeof importBatches.$inferSelect;
