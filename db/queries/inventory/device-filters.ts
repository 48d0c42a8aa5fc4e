import { sql, type SQL } from 'drizzle-orm';
import { devices, products } from '@/db/schema';
import {
  escapeLike,
  parseIdentifierSearch,
  prefixUpperBound,
  reversed,
} from '@/lib/inventory/identifier-search';

export type DeviceFilters = {
  manufacturer?: string;
  model?: string;
  capacity?: string;
  color?: string;
  network?: string;
  grade?: string;
  productId?: number;
  statusId?: number;
  warehouseId?: number;
  committed?: 'yes' | 'no';
  /** IMEI or serial: 15 digits exact, else a part matched at either end. */
  q?: string;
};

const productAttributes = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;

/** `column` starts with `prefix`: an index range, rechecked with LIKE so any collation stays correct. */
function startsWith(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} and ${column} < ${prefixUpperBound(prefix)} and ${column} like ${`${escapeLike(prefix)}%`})`;
}

function identifierCondition(q: string): SQL | null {
  const search = parseIdentifierSearch(q);
  if (!search || search.kind === 'too_short') return null;
  const imei = sql`${devices.imei}`;
  const serial = sql`lower(${devices.serial})`;
  if (search.kind === 'exact') {
    return sql`(${devices.imei} = ${search.value} or ${serial} = ${search.value})`;
  }
  const value = search.value;
  const serialMatch = sql`(${devices.serial} is not null and (${startsWith(serial, value)} or ${startsWith(sql`reverse(${serial})`, reversed(value))}))`;
  if (!search.digitsOnly) return serialMatch;
  const imeiMatch = sql`(${devices.imei} is not null and (${startsWith(imei, value)} or ${startsWith(sql`reverse(${imei})`, reversed(value))}))`;
  return sql`(${imeiMatch} or ${serialMatch})`;
}

/**
 * The WHERE of every inventory read and bulk move: always the seller first,
 * so nothing of another seller can match whatever the other filters say.
 */
export function deviceConditions(sellerId: number, filters: DeviceFilters): SQL {
  const parts: SQL[] = [sql`${devices.sellerId} = ${sellerId}`];
  const attributeParts = productAttributes
    .filter((key) => filters[key])
    .map((key) => sql`${products[key]} = ${filters[key]!}`);
  if (attributeParts.length) {
    parts.push(
      sql`${devices.productId} in (select ${products.id} from ${products} where ${products.sellerId} = ${sellerId} and ${sql.join(attributeParts, sql` and `)})`,
    );
  }
  if (filters.productId) parts.push(sql`${devices.productId} = ${filters.productId}`);
  if (filters.statusId) parts.push(sql`${devices.statusId} = ${filters.statusId}`);
  if (filters.warehouseId) parts.push(sql`${devices.warehouseId} = ${filters.warehouseId}`);
  if (filters.committed === 'yes') parts.push(sql`${devices.orderLineId} is not null`);
  if (filters.committed === 'no') parts.push(sql`${devices.orderLineId} is null`);
  if (filters.q) {
    const condition = identifierCondition(filters.q);
    if (condition) parts.push(condition);
  }
  return sql.join(parts, sql` and `);
}
