/**
 * The two chunked CSV imports (products, devices): their columns, the header
 * spellings accepted for each (case, spaces and punctuation do not matter),
 * and the sizes of the chunks the browser sends.
 */

/** Most rows one file may hold. */
export const MAX_IMPORT_ROWS = 100_000;
/** Rows per upload call: well under the server action body limit (4 MB) even with long cells. */
export const IMPORT_CHUNK_ROWS = 5_000;
/** Rows per preview call: each answers in well under a second, so the progress bar moves. */
export const IMPORT_PREVIEW_ROWS = 10_000;
/** An unfinished batch is deleted this long after its last upload. */
export const IMPORT_BATCH_HOURS = 24;
/** Longest cell accepted in transit; the checks name shorter limits per column. */
export const MAX_IMPORT_CELL = 500;

export type ImportKind = 'products' | 'devices';

export const productImportColumns = {
  sku: ['sku'],
  manufacturer: ['manufacturer', 'brand', 'make'],
  model: ['model', 'modelname'],
  capacity: ['capacity', 'storage'],
  color: ['color', 'colour'],
  network: ['network', 'carrier', 'networkcarrier'],
  grade: ['grade', 'condition'],
  list_price: ['listprice', 'price'],
  min_order_quantity: ['minorderquantity', 'minimumorderquantity', 'moq', 'minimum'],
  order_increment: ['orderincrement', 'packsize', 'soldinpacksof', 'increment'],
} as const;
export type ProductImportColumn = keyof typeof productImportColumns;
export const PRODUCT_IMPORT_COLUMNS = Object.keys(productImportColumns) as ProductImportColumn[];
export const REQUIRED_PRODUCT_IMPORT_COLUMNS: readonly ProductImportColumn[] = ['sku', 'manufacturer', 'model'];

export const deviceImportColumns = {
  imei: ['imei'],
  serial: ['serial', 'serialnumber', 'serialno', 'sn'],
  sku: ['sku'],
  warehouse: ['warehouse', 'warehousecode'],
  status: ['status', 'statusname', 'inventorystatus'],
  cost: ['cost', 'unitcost'],
  received: ['received', 'receiveddate', 'receivedon', 'datereceived'],
  manufacturer: ['manufacturer', 'brand', 'make'],
  model: ['model', 'modelname'],
  capacity: ['capacity', 'storage'],
  color: ['color', 'colour'],
  network: ['network', 'carrier', 'networkcarrier'],
  grade: ['grade', 'condition'],
} as const;
export type DeviceImportColumn = keyof typeof deviceImportColumns;
/** A device batch always stages every column, in this order (an absent one is empty). */
export const DEVICE_IMPORT_COLUMNS = Object.keys(deviceImportColumns) as DeviceImportColumn[];

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Which of our columns each header of the file names (undefined: none), by
 * the accepted spellings; a column named twice is reported.
 */
export function mapImportHeaders<C extends string>(
  columns: Record<C, readonly string[]>,
  headers: readonly string[],
): { positions: (C | undefined)[]; repeated: C[] } {
  const seen = new Set<C>();
  const repeated: C[] = [];
  const positions = headers.map((header) => {
    const n = normalizeHeader(header);
    const column = (Object.keys(columns) as C[]).find((c) => normalizeHeader(c) === n || columns[c].includes(n));
    if (column && seen.has(column)) repeated.push(column);
    if (column) seen.add(column);
    return column;
  });
  return { positions, repeated };
}

/**
 * The SKU a device row creates when it names none: its attributes in order,
 * upper case, every run of other characters one hyphen, at most 64
 * characters. "Apple", "iPhone 13", "128GB", "Midnight", "", "A" ->
 * APPLE-IPHONE-13-128GB-MIDNIGHT-A. The same attributes always give the same SKU.
 */
export function skuFromAttributes(a: { manufacturer: string; model: string; capacity: string; color: string; network: string; grade: string }): string {
  return [a.manufacturer, a.model, a.capacity, a.color, a.network, a.grade]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('-')
    .toUpperCase()
    .replace(/[^A-Z0-9+]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}
