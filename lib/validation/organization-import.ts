import { z } from 'zod';

/** The columns of an organizations file, in the template's order: one row per buyer. */
export const ORGANIZATION_IMPORT_COLUMNS = [
  'account_code',
  'name',
  'email',
  'phone',
  'billing_line1',
  'billing_line2',
  'billing_city',
  'billing_region',
  'billing_postal_code',
  'billing_country',
  'shipping_line1',
  'shipping_line2',
  'shipping_city',
  'shipping_region',
  'shipping_postal_code',
  'shipping_country',
  'price_list',
  'buyer_name',
  'buyer_email',
] as const;
export type OrganizationImportColumn = (typeof ORGANIZATION_IMPORT_COLUMNS)[number];

/** Columns a file must have; any other may be left out, and a column left out changes nothing. */
export const REQUIRED_ORGANIZATION_IMPORT_COLUMNS: readonly OrganizationImportColumn[] = ['account_code', 'name'];

export const MAX_ORGANIZATION_IMPORT_ROWS = 20_000;

/** "Billing line 1", "billing_line1", "BillingLine1" all name billing_line1. */
export function organizationImportColumn(header: string): OrganizationImportColumn | undefined {
  const key = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  return ORGANIZATION_IMPORT_COLUMNS.find((c) => c.replace(/_/g, '') === key);
}

/**
 * One row of the file as the preview and the import read it: its spreadsheet
 * row number and the cells of the columns the file has (a column the file
 * does not have is absent, and leaves that field as it is).
 */
export type OrganizationImportRow = { row: number } & Partial<Record<OrganizationImportColumn, string>>;

/**
 * What the browser sends: the columns the file has, then each row as its cells
 * in that order (arrays, not objects, so 20,000 rows stay within the request limit).
 */
export const organizationImportSchema = z
  .object({
    columns: z
      .array(z.enum(ORGANIZATION_IMPORT_COLUMNS))
      .min(1)
      .max(ORGANIZATION_IMPORT_COLUMNS.length)
      .refine((c) => new Set(c).size === c.length, 'A column is named twice.')
      .refine((c) => REQUIRED_ORGANIZATION_IMPORT_COLUMNS.every((r) => c.includes(r)), 'The file needs the columns account_code and name.'),
    rows: z
      .array(z.object({ row: z.number().int().positive(), cells: z.array(z.string().max(1000)).max(ORGANIZATION_IMPORT_COLUMNS.length) }))
      .min(1, 'The file has no rows.')
      .max(MAX_ORGANIZATION_IMPORT_ROWS, `A file may hold at most ${MAX_ORGANIZATION_IMPORT_ROWS.toLocaleString('en-US')} rows; split it.`),
  })
  .transform(({ columns, rows }) =>
    rows.map((r): OrganizationImportRow => {
      const row: OrganizationImportRow = { row: r.row };
      columns.forEach((column, i) => {
        row[column] = r.cells[i] ?? '';
      });
      return row;
    }),
  );

/** The empty form of the bulk invitation (who is invited comes from the database). */
export const inviteImportedBuyersSchema = z.object({});

/** How fast a bulk invitation leaves the outbox: message i is due i × (60 / rate) seconds after the first. */
export const INVITES_PER_MINUTE = 60;
export const INVITES_PER_MINUTE_TEXT = `sent at ${INVITES_PER_MINUTE} a minute so your mail provider never sees a burst`;
