import { likeEscape, prefixPattern } from '@/lib/like';
import { sql, type SQL } from 'drizzle-orm';
import { devices, products } from '@/db/schema';
import {
  MIN_IMEI_PREFIX,
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
  /** The product's SKU, or its start ("APP-IPHONE12-64" finds every variant under it), case-insensitive. */
  sku?: string;
  productId?: number;
  statusId?: number;
  warehouseId?: number;
  committed?: 'yes' | 'no';
  /** IMEI or serial: 15 digits exact, else a part matched at the start or the end. */
  q?: string;
};

/**
 * Most devices an IMEI/serial search gathers before the other filters apply.
 * An IMEI search stays below it by construction (a 10-digit prefix leaves
 * 10,000 possible IMEIs); a broader search is reported as too broad.
 */
export const SEARCH_CANDIDATE_CAP = 10_000;

const productAttributes = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;

/** `column` starts with `prefix`: an index range, rechecked with LIKE so any collation stays correct. */
function startsWith(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} and ${column} < ${prefixUpperBound(prefix)} and ${column} like ${`${likeEscape(prefix)}%`})`;
}

/** The identifier part of a search, or null when there is none (or it is too short to use). */
export function identifierSearchCondition(q: string | undefined): SQL | null {
  const search = parseIdentifierSearch(q);
  if (!search || search.kind === 'too_short') return null;
  const imei = sql`${devices.imei}`;
  const serial = sql`lower(${devices.serial})`;
  if (search.kind === 'exact') {
    return sql`(${devices.imei} = ${search.value} or ${serial} = ${search.value})`;
  }
  const value = search.value;
  const branches: SQL[] = [
    sql`(${devices.serial} is not null and ${startsWith(serial, value)})`,
    sql`(${devices.serial} is not null and ${startsWith(sql`reverse(${serial})`, reversed(value))})`,
  ];
  if (search.digitsOnly) {
    // IMEIs are handed out in sequence, so a short prefix (a TAC) covers whole
    // ranges of old stock; from 10 digits on a prefix can match 10,000 IMEIs at most.
    if (value.length >= MIN_IMEI_PREFIX) branches.push(sql`(${devices.imei} is not null and ${startsWith(imei, value)})`);
    branches.push(sql`(${devices.imei} is not null and ${startsWith(sql`reverse(${imei})`, reversed(value))})`);
  }
  return sql`(${sql.join(branches, sql` or `)})`;
}

/**
 * Every filter except the IMEI/serial search, as a WHERE over `devices`:
 * always the seller first, so nothing of another seller can match.
 */
export function deviceConditions(params: { sellerId: number; filters: DeviceFilters }): SQL {
  const { sellerId, filters } = params;
  const parts: SQL[] = [sql`${devices.sellerId} = ${sellerId}`];
  const attributeParts = productAttributes
    .filter((key) => filters[key])
    .map((key) => sql`${products[key]} = ${filters[key]!}`);
  const sku = filters.sku?.trim();
  if (sku) attributeParts.push(sql`lower(${products.sku}) like ${prefixPattern(sku.toLowerCase())}`);
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
  return sql.join(parts, sql` and `);
}

/**
 * How a read or move selects the matching devices. Without a search: a WHERE
 * over `devices`. With a search: first the (bounded) candidates found through
 * the IMEI/serial indexes, as a materialized CTE named `candidates`, and the
 * other filters checked on those only, so the cost follows the number of
 * candidates rather than where they sit in the table.
 */
export type DeviceMatch =
  | { kind: 'filter'; where: SQL }
  | { kind: 'search'; candidatesCte: SQL; where: SQL };

export function deviceMatch(params: { sellerId: number; filters: DeviceFilters; searchCap?: number }): DeviceMatch {
  const { sellerId, filters, searchCap = SEARCH_CANDIDATE_CAP } = params;
  const where = deviceConditions({ sellerId, filters });
  const search = identifierSearchCondition(filters.q);
  if (!search) return { kind: 'filter', where };
  return {
    kind: 'search',
    where,
    candidatesCte: sql`candidates as materialized (
      select ${devices.id} as id, ${devices.receivedOn} as received_on from ${devices}
      where ${devices.sellerId} = ${sellerId} and ${search}
      limit ${searchCap + 1}
    )`,
  };
}
