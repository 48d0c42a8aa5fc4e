import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import {
  FOR_SALE_PAGE_SIZE,
  forSaleFacetKeys,
  type ForSaleFacetKey,
  type ForSaleView,
} from '@/lib/validation/for-sale';

/**
 * The For Sale page reads one availability row per product (kept by triggers,
 * see 0001_availability.sql), never the devices, so its cost follows the
 * seller's product count, not the device count.
 */
export type ForSaleParams = { sellerId: number; view: ForSaleView };

export type ForSaleRow = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  /** Minor units; null: price on request. */
  listPrice: number | null;
  available: number;
};

export type ForSaleFacets = {
  /** Products matching every filter: the row count of the listing. */
  total: number;
  /** Per attribute: its values with the number of products each would leave, given the other filters. */
  options: Record<ForSaleFacetKey, { value: string; count: number }[]>;
};

const column: Record<ForSaleFacetKey, SQL> = {
  manufacturer: sql`p.manufacturer`,
  model: sql`p.model`,
  capacity: sql`p.capacity`,
  color: sql`p.color`,
  network: sql`p.network`,
  grade: sql`p.grade`,
};

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every word must appear somewhere in the product's attributes or SKU. */
function searchCondition(q: string): SQL {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (!terms.length) return sql`true`;
  const haystack = sql`concat_ws(' ', p.manufacturer, p.model, p.sku, p.capacity, p.color, p.network, p.grade)`;
  return sql.join(
    terms.map((t) => sql`${haystack} ilike ${`%${escapeLike(t)}%`}`),
    sql` and `,
  );
}

function facetCondition(view: ForSaleView, key: ForSaleFacetKey): SQL {
  return view[key] ? sql`${column[key]} = ${view[key]}` : sql`true`;
}

/** Available products of the seller that the page may show: quantity > 0, priced unless hiding is off. */
function availableProducts(sellerId: number): SQL {
  return sql`product_availability a
    join products p on p.id = a.product_id and p.seller_id = ${sellerId}
    where a.seller_id = ${sellerId} and a.quantity > 0
      and (p.list_price is not null
           or not coalesce((select ps.hide_unpriced from portal_settings ps where ps.seller_id = ${sellerId}), false))`;
}

/** "64GB" before "128GB", and "1TB" after both. */
const capacityOrder = sql`(nullif(substring(p.capacity from '^[0-9]+'), '')::int * case when p.capacity ilike '%tb' then 1024 else 1 end)`;

function orderBy(view: ForSaleView): SQL {
  const d = view.dir === 'desc' ? sql`desc` : sql`asc`;
  const byModel = sql`p.manufacturer ${d}, p.model ${d}, ${capacityOrder} ${d} nulls last, p.capacity ${d}, p.color ${d}, rtrim(p.grade, '+') ${d}, p.grade ${view.dir === 'desc' ? sql`asc` : sql`desc`}, p.network ${d}, p.id ${d}`;
  if (view.sort === 'price') return sql`p.list_price ${d} nulls last, ${byModel}`;
  if (view.sort === 'quantity') return sql`a.quantity ${d}, ${byModel}`;
  return byModel;
}

/** The SQL of one page of the listing (exported for the benchmark's EXPLAIN). */
export function forSaleListingQuery(params: ForSaleParams & { limit?: number; offset?: number }): SQL {
  const { sellerId, view } = params;
  const limit = params.limit ?? FOR_SALE_PAGE_SIZE;
  const offset = params.offset ?? (view.page - 1) * FOR_SALE_PAGE_SIZE;
  return sql`select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      p.list_price as "listPrice", a.quantity as available
    from ${availableProducts(sellerId)}
      and ${searchCondition(view.q)}
      and ${sql.join(forSaleFacetKeys.map((k) => facetCondition(view, k)), sql` and `)}
    order by ${orderBy(view)}
    limit ${limit} offset ${offset}`;
}

/**
 * The facet counts and the total in one statement: the searched set is read
 * once, then each attribute is grouped under every filter except its own.
 */
export function forSaleFacetsQuery(params: ForSaleParams): SQL {
  const { sellerId, view } = params;
  const flags = forSaleFacetKeys.map((k) => sql`${facetCondition(view, k)} as ${sql.identifier(`${k}_ok`)}`);
  const othersMatch = (except?: ForSaleFacetKey) => {
    const conditions = forSaleFacetKeys.filter((k) => k !== except && view[k]).map((k) => sql.identifier(`${k}_ok`));
    return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
  };
  const branches = forSaleFacetKeys.map(
    (k) => sql`select ${k}::text as facet, ${sql.identifier(k)} as value, count(*)::int as n
      from base where ${othersMatch(k)} group by ${sql.identifier(k)}`,
  );
  return sql`with base as materialized (
      select p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade, ${sql.join(flags, sql`, `)}
      from ${availableProducts(sellerId)} and ${searchCondition(view.q)}
    )
    ${sql.join(branches, sql` union all `)}
    union all select 'total', '', count(*)::int from base where ${othersMatch()}`;
}

export async function forSaleListing(db: DbOrTx, params: ForSaleParams): Promise<ForSaleRow[]> {
  return queryRows<ForSaleRow>(db, forSaleListingQuery(params));
}

const gradeKey = (g: string) => [g.replace(/\+$/, ''), g.endsWith('+') ? 0 : 1] as const;
const capacityKey = (c: string) => {
  const n = Number(/^\d+/.exec(c)?.[0] ?? NaN);
  return Number.isNaN(n) ? Infinity : /tb$/i.test(c) ? n * 1024 : n;
};
const compareOptions: Record<ForSaleFacetKey, (a: string, b: string) => number> = {
  manufacturer: (a, b) => a.localeCompare(b),
  model: (a, b) => a.localeCompare(b, 'en', { numeric: true }),
  capacity: (a, b) => capacityKey(a) - capacityKey(b) || a.localeCompare(b),
  color: (a, b) => a.localeCompare(b),
  network: (a, b) => a.localeCompare(b),
  grade: (a, b) => {
    const [x, y] = [gradeKey(a), gradeKey(b)];
    return x[0].localeCompare(y[0]) || x[1] - y[1];
  },
};

export async function forSaleFacets(db: DbOrTx, params: ForSaleParams): Promise<ForSaleFacets> {
  const rows = await queryRows<{ facet: string; value: string; n: number }>(db, forSaleFacetsQuery(params));
  const options = Object.fromEntries(forSaleFacetKeys.map((k) => [k, [] as { value: string; count: number }[]])) as ForSaleFacets['options'];
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else if (row.value) options[row.facet as ForSaleFacetKey]?.push({ value: row.value, count: Number(row.n) });
  }
  for (const key of forSaleFacetKeys) options[key].sort((a, b) => compareOptions[key](a.value, b.value));
  return { total, options };
}

/**
 * Every row of a filtered view, in its order, a batch at a time (for the CSV
 * download, which streams them).
 */
export async function* forSaleAllRows(
  db: DbOrTx,
  params: ForSaleParams & { batchSize?: number },
): AsyncGenerator<ForSaleRow[]> {
  const batchSize = params.batchSize ?? 1000;
  for (let offset = 0; ; offset += batchSize) {
    const rows = await queryRows<ForSaleRow>(db, forSaleListingQuery({ ...params, limit: batchSize, offset }));
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}
