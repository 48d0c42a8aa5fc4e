import { likeEscape } from '@/lib/like';
import { attributeComparators } from '@/lib/product-attribute-order';
import { rulesOf } from '@/lib/portal/quantity-rules';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { joinFirstBreak, joinPriceList, quantityBreaks, readBreaks, unitPriceOfOne, type QuantityBreak } from '@/db/queries/pricing';
import {
  FOR_SALE_PAGE_SIZE,
  forSaleConditionFiltered,
  forSaleConditionKeys,
  forSaleConditionValues,
  forSaleFacetKeys,
  type ForSaleConditionKey,
  type ForSaleFacetKey,
  type ForSaleView,
} from '@/lib/validation/for-sale';

/**
 * The For Sale page reads one availability row per product (kept by triggers,
 * see 0001_availability.sql), never the devices, so its cost follows the
 * seller's product count, not the device count.
 */
export type ForSaleParams = {
  sellerId: number;
  /** The buyer's organization, whose price list prices the page; null: list prices (the benchmark's plans). */
  organizationId: number | null;
  view: ForSaleView;
};

export type ForSaleRow = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  /** What this buyer pays for one unit (db/queries/pricing.ts), minor units; null: price on request. */
  price: number | null;
  /** The list price, shown struck through when the buyer's price is lower. */
  listPrice: number | null;
  /** The buyer's lower prices from a quantity on (price list breaks), lowest quantity first. */
  breaks: QuantityBreak[];
  available: number;
  /** The product's quantity rules (MOQ, packs of N). */
  minOrderQuantity: number;
  orderIncrement: number;
  /** The hash of the product's first photo (its 96 px thumbnail, lib/photos/photo-path.ts) and its alt text; null: no photo. */
  thumb: string | null;
  thumbAlt: string | null;
};

export type ForSaleFacets = {
  /** Products matching every filter: the row count of the listing. */
  total: number;
  /** Per attribute: its values with the number of products each would leave, given the other filters. */
  options: Record<ForSaleFacetKey, { value: string; count: number }[]>;
  /**
   * Per condition filter (battery band, carrier lock): its values, in their own order, with the number of
   * products that have units in that state given the other filters (zero counts left out).
   */
  conditions: Record<ForSaleConditionKey, { value: string; count: number }[]>;
};

const column: Record<ForSaleFacetKey, SQL> = {
  manufacturer: sql`p.manufacturer`,
  model: sql`p.model`,
  capacity: sql`p.capacity`,
  color: sql`p.color`,
  network: sql`p.network`,
  grade: sql`p.grade`,
};


/** Every word must appear somewhere in the product's attributes or SKU. */
function searchCondition(q: string): SQL {
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (!terms.length) return sql`true`;
  const haystack = sql`concat_ws(' ', p.manufacturer, p.model, p.sku, p.capacity, p.color, p.network, p.grade)`;
  return sql.join(
    terms.map((t) => sql`${haystack} ilike ${`%${likeEscape(t)}%`}`),
    sql` and `,
  );
}

/** A product passes a filter when its attribute is one of the chosen values (any, when none is chosen). */
function facetCondition(view: ForSaleView, key: ForSaleFacetKey): SQL {
  const chosen = view[key];
  if (!chosen.length) return sql`true`;
  return sql`${column[key]} in (${sql.join(chosen.map((v) => sql`${v}`), sql`, `)})`;
}

/** A cell passes the battery filter / the lock filter (any, when none is chosen). */
function cellCondition(view: ForSaleView, key: ForSaleConditionKey): SQL {
  const chosen = view[key];
  if (!chosen.length) return sql`true`;
  const col = key === 'battery' ? sql`battery_band` : sql`carrier_lock`;
  return sql`${col} in (${sql.join(chosen.map((v) => sql`${v}`), sql`, `)})`;
}

const bothConditions = (view: ForSaleView) => sql`${cellCondition(view, 'battery')} and ${cellCondition(view, 'lock')}`;

/** The column of a condition value's quantity in `c` (see conditionCells). */
const conditionColumn = (key: ForSaleConditionKey, i: number) => sql.identifier(`${key}_${i}`);

/**
 * Per product, from its availability cells (never the devices): `quantity`, the units matching both
 * condition filters, and per battery band (under the lock filter) and per lock state (under the
 * battery filter) the units in that state, for the condition facet counts. At most 12 cells a product.
 */
function conditionCells(params: ForSaleParams): SQL {
  const { view, sellerId } = params;
  const sums = forSaleConditionKeys.flatMap((key) => {
    const other = key === 'battery' ? 'lock' : 'battery';
    const col = key === 'battery' ? sql`battery_band` : sql`carrier_lock`;
    return forSaleConditionValues[key].map(
      (v, i) => sql`coalesce(sum(quantity) filter (where ${col} = ${v} and ${cellCondition(view, other)}), 0)::int as ${conditionColumn(key, i)}`,
    );
  });
  return sql`(select product_id, coalesce(sum(quantity) filter (where ${bothConditions(view)}), 0)::int as quantity, ${sql.join(sums, sql`, `)}
    from product_availability_cells
    where seller_id = ${sellerId} and quantity > 0
    group by product_id)`;
}

/** Per product, the units matching both condition filters (the listing's quantity under a condition filter). */
function matchingCells(params: ForSaleParams): SQL {
  return sql`(select product_id, sum(quantity)::int as quantity
    from product_availability_cells
    where seller_id = ${params.sellerId} and quantity > 0 and ${bothConditions(params.view)}
    group by product_id)`;
}

/**
 * Available products of the seller that the page may show: quantity > 0,
 * priced for this buyer unless hiding is off; with the buyer's price list as
 * `pl` and its price for one unit as `b1`; `cells`, when given, is joined as `c`.
 */
function availableProducts(params: Pick<ForSaleParams, 'sellerId' | 'organizationId'>, cells?: { join: 'join' | 'left join'; table: SQL }): SQL {
  const { sellerId } = params;
  return sql`product_availability a
    join products p on p.id = a.product_id and p.seller_id = ${sellerId}
    ${cells ? sql`${sql.raw(cells.join)} ${cells.table} c on c.product_id = a.product_id` : sql``}
    ${joinPriceList({ sellerId, organizationId: params.organizationId ?? sql`null::int` })}
    ${joinFirstBreak}
    where a.seller_id = ${sellerId} and a.quantity > 0
      and (${unitPriceOfOne} is not null
           or not coalesce((select ps.hide_unpriced from portal_settings ps where ps.seller_id = ${sellerId}), false))`;
}

/** `quantity` and `price` are columns: a.quantity and the price expression on the join, p.quantity and p.price on the base set. */
function orderBy(view: ForSaleView, quantity: SQL, price: SQL): SQL {
  const d = view.dir === 'desc' ? sql`desc` : sql`asc`;
  // Capacity: "64GB" before "128GB", "1TB" after both (terabytes last, then shorter numbers first; no regex per row).
  const byModel = sql`p.manufacturer ${d}, p.model ${d}, (upper(p.capacity) like '%TB') ${d}, length(p.capacity) ${d}, p.capacity ${d}, p.color ${d}, rtrim(p.grade, '+') ${d}, p.grade ${view.dir === 'desc' ? sql`asc` : sql`desc`}, p.network ${d}, p.id ${d}`;
  if (view.sort === 'price') return sql`${price} ${d} nulls last, ${byModel}`;
  if (view.sort === 'quantity') return sql`${quantity} ${d}, ${byModel}`;
  return byModel;
}

/**
 * The first photo of the product `p` (its hash, or its alt text): one index
 * lookup per row of the page (photos_product_idx), inside the page's statement.
 */
function firstPhoto(sellerId: number, of: 'sha256' | 'alt'): SQL {
  const column = of === 'sha256' ? sql`i.sha256` : sql`ph.alt`;
  return sql`(select ${column} from photos ph join photo_images i on i.id = ph.image_id and i.seller_id = ph.seller_id
    where ph.product_id = p.id and ph.seller_id = ${sellerId} order by ph.position, ph.id limit 1)`;
}

const allFacetsMatch = (view: ForSaleView) => sql.join(forSaleFacetKeys.map((k) => facetCondition(view, k)), sql` and `);

/** The SQL of one page of the listing (exported for the benchmark's EXPLAIN). */
export function forSaleListingQuery(params: ForSaleParams & { limit?: number; offset?: number }): SQL {
  const { view } = params;
  const limit = params.limit ?? FOR_SALE_PAGE_SIZE;
  const offset = params.offset ?? (view.page - 1) * FOR_SALE_PAGE_SIZE;
  // Under a battery or lock filter a product shows (and sorts by) its matching units only.
  const byCondition = forSaleConditionFiltered(view);
  const quantity = byCondition ? sql`c.quantity` : sql`a.quantity`;
  const from = byCondition ? availableProducts(params, { join: 'join', table: matchingCells(params) }) : availableProducts(params);
  return sql`select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceOfOne} as price, p.list_price as "listPrice", ${quantityBreaks(sql`pl.id`, sql`p.id`)} as breaks, ${quantity} as available,
      p.min_order_quantity as "minOrderQuantity", p.order_increment as "orderIncrement",
      ${firstPhoto(params.sellerId, 'sha256')} as thumb, ${firstPhoto(params.sellerId, 'alt')} as "thumbAlt"
    from ${from} and ${searchCondition(view.q)} and ${allFacetsMatch(view)}
    order by ${orderBy(view, quantity, unitPriceOfOne)}
    limit ${limit} offset ${offset}`;
}

/** Every condition value's column in the base set, as (key, value, column). */
const conditionColumns = forSaleConditionKeys.flatMap((key) =>
  forSaleConditionValues[key].map((value, i) => ({ key, value, column: conditionColumn(key, i) })),
);

/**
 * The searched set, read once: every available product with, per attribute,
 * whether it passes that attribute's filter; `quantity` is its units matching
 * the condition filters (all its units when none is chosen), `condition_ok`
 * whether it has any, and per condition value its units in that state.
 */
function baseSet(params: ForSaleParams): SQL {
  const { view } = params;
  const flags = forSaleFacetKeys.map((k) => sql`${facetCondition(view, k)} as ${sql.identifier(`${k}_ok`)}`);
  const byCondition = conditionColumns.map(({ column }) => sql`coalesce(c.${column}, 0) as ${column}`);
  return sql`base as materialized (
    select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade, p.list_price,
      p.min_order_quantity, p.order_increment,
      ${unitPriceOfOne} as price, pl.id as price_list_id, coalesce(c.quantity, 0) as quantity,
      coalesce(c.quantity, 0) > 0 as condition_ok, ${sql.join(byCondition, sql`, `)}, ${sql.join(flags, sql`, `)}
    from ${availableProducts(params, { join: 'left join', table: conditionCells(params) })} and ${searchCondition(view.q)}
  )`;
}

/** Every attribute flag and the condition flag: the product is listed. */
const allMatch = (prefix?: string) =>
  sql.join(
    [...forSaleFacetKeys.map((k) => `${k}_ok`), 'condition_ok'].map((f) => (prefix ? sql`${sql.identifier(prefix)}.${sql.identifier(f)}` : sql.identifier(f))),
    sql` and `,
  );

/**
 * Facet counts and the total in one pass over the base set: grouping sets
 * group by each attribute at once, and each attribute counts the products
 * that pass every filter except its own.
 */
function facetCounts(view: ForSaleView): SQL {
  // The condition filters are "other filters" of every attribute (condition_ok is true when none is chosen).
  const attributeFlags = (except?: ForSaleFacetKey) =>
    forSaleFacetKeys.filter((k) => k !== except && view[k].length).map((k) => sql.identifier(`${k}_ok`));
  const othersMatch = (except?: ForSaleFacetKey) => sql.join([...attributeFlags(except), sql`condition_ok`], sql` and `);
  const attributesMatch = sql.join([...attributeFlags(), sql`true`], sql` and `);
  const id = (k: ForSaleFacetKey) => sql`${sql.identifier(k)}`;
  const when = (f: (k: ForSaleFacetKey) => SQL) => sql.join(forSaleFacetKeys.map((k) => sql`when grouping(${id(k)}) = 0 then ${f(k)}`), sql` `);
  return sql`facet_counts as (
    select case ${when((k) => sql`${k}::text`)} else 'total' end as facet,
      case ${when((k) => id(k))} else '' end as value,
      case ${when((k) => sql`count(*) filter (where ${othersMatch(k)})`)} else count(*) filter (where ${othersMatch()}) end::int as n
    from base
    group by grouping sets (${sql.join(forSaleFacetKeys.map((k) => sql`(${id(k)})`), sql`, `)}, ())
    union all
    -- Each condition value: the products with units in that state, given every attribute filter and the other
    -- condition filter (already applied in its column). One pass, unpivoted.
    select v.facet, v.value, v.n
    from (select ${sql.join(
      conditionColumns.map(({ column }, i) => sql`count(*) filter (where ${attributesMatch} and ${column} > 0)::int as ${sql.identifier(`n_${i}`)}`),
      sql`, `,
    )} from base) t
    cross join lateral (values ${sql.join(
      conditionColumns.map(({ key, value }, i) => sql`(${`condition:${key}`}::text, ${value}::text, t.${sql.identifier(`n_${i}`)})`),
      sql`, `,
    )}) v(facet, value, n)
  )`;
}

/** The SQL of the facet counts with the total (exported for the benchmark's EXPLAIN). */
export function forSaleFacetsQuery(params: ForSaleParams): SQL {
  return sql`with ${baseSet(params)}, ${facetCounts(params.view)} select facet, value, n from facet_counts`;
}

/**
 * Everything the For Sale page reads, in one statement: its page of rows and
 * the facet counts with the total, from a single read of the searched set.
 * Facet rows and page rows come back as one result, told apart by `kind`.
 */
export function forSalePageQuery(params: ForSaleParams): SQL {
  const { view } = params;
  const order = orderBy(view, sql`p.quantity`, sql`p.price`);
  return sql`with ${baseSet(params)}, ${facetCounts(view)}
    select 'facet' as kind, facet, value, n, null::bigint as position, null::int as id, null as sku,
      null as manufacturer, null as model, null as capacity, null as color, null as network, null as grade,
      null::bigint as price, null::bigint as "listPrice", null::json as breaks, null::int as available,
      null::int as "minOrderQuantity", null::int as "orderIncrement", null::text as thumb, null::text as "thumbAlt"
    from facet_counts
    union all
    select 'row', null, null, null, row_number() over (order by ${order}), p.id, p.sku,
      p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade, p.price, p.list_price,
      ${quantityBreaks(sql`p.price_list_id`, sql`p.id`)}, p.quantity, p.min_order_quantity, p.order_increment,
      ${firstPhoto(params.sellerId, 'sha256')}, ${firstPhoto(params.sellerId, 'alt')}
    from (
      select * from base p
      where ${allMatch()}
      order by ${order}
      limit ${FOR_SALE_PAGE_SIZE} offset ${(view.page - 1) * FOR_SALE_PAGE_SIZE}
    ) p`;
}

/**
 * One product of For Sale by its SKU (the portal's product page), read as the listing reads it: the same
 * availability, price list, breaks and "hide unpriced" rule, so a product the listing would not show is
 * not found here either. `cells` is its availability per battery band and carrier lock
 * (product_availability_cells, kept by the triggers under the sellable rules: one index range, never the devices).
 */
export function forSaleProductQuery(params: Omit<ForSaleParams, 'view'> & { sku: string }): SQL {
  const { sellerId } = params;
  return sql`select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceOfOne} as price, p.list_price as "listPrice", ${quantityBreaks(sql`pl.id`, sql`p.id`)} as breaks, a.quantity as available,
      p.min_order_quantity as "minOrderQuantity", p.order_increment as "orderIncrement",
      coalesce((select json_agg(json_build_object('band', c.battery_band, 'lock', c.carrier_lock, 'quantity', c.quantity))
        from product_availability_cells c where c.seller_id = ${sellerId} and c.product_id = p.id and c.quantity > 0), '[]'::json) as cells
    from ${availableProducts(params)} and lower(p.sku) = lower(${params.sku})`;
}

/** A product's available units per battery band and carrier lock (only cells with units). */
export type AvailabilityCell = { band: string; lock: string; quantity: number };

export type ForSaleProduct = Omit<ForSaleRow, 'thumb' | 'thumbAlt'> & { cells: AvailabilityCell[] };

/** The product page's product, or null when the seller has no such SKU for sale to this buyer. */
export async function forSaleProduct(db: DbOrTx, params: Omit<ForSaleParams, 'view'> & { sku: string }): Promise<ForSaleProduct | null> {
  const [row] = await queryRows<RawRow & { cells: unknown }>(db, forSaleProductQuery(params));
  if (!row) return null;
  const list = typeof row.cells === 'string' ? (JSON.parse(row.cells) as unknown) : row.cells;
  const cells = (Array.isArray(list) ? list : []).map((c: { band: string; lock: string; quantity: unknown }) => ({ band: c.band, lock: c.lock, quantity: Number(c.quantity) }));
  const { thumb, thumbAlt, ...product } = toRow(row);
  void thumb;
  void thumbAlt;
  return { ...product, cells };
}

/** A row as the driver returns it: bigint prices may arrive as strings, breaks as JSON text. */
type RawRow = Omit<ForSaleRow, 'price' | 'listPrice' | 'breaks' | 'available' | 'minOrderQuantity' | 'orderIncrement' | 'thumb' | 'thumbAlt'> & {
  thumb?: string | null;
  thumbAlt?: string | null;
  price: unknown;
  listPrice: unknown;
  breaks: unknown;
  available: unknown;
  minOrderQuantity: unknown;
  orderIncrement: unknown;
};

const money = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toRow(r: RawRow): ForSaleRow {
  const { id, sku, manufacturer, model, capacity, color, network, grade } = r;
  return { id, sku, manufacturer, model, capacity, color, network, grade, price: money(r.price), listPrice: money(r.listPrice), breaks: readBreaks(r.breaks), available: Number(r.available), ...rulesOf(r), thumb: r.thumb ?? null, thumbAlt: r.thumbAlt ?? null };
}

export async function forSaleListing(db: DbOrTx, params: ForSaleParams): Promise<ForSaleRow[]> {
  return (await queryRows<RawRow>(db, forSaleListingQuery(params))).map(toRow);
}

/** Facet values in the order the trade reads them, the same as the back office's menus. */
const compareOptions: Record<ForSaleFacetKey, (a: string, b: string) => number> = attributeComparators;

type FacetCountRow = { facet: string; value: string; n: number };

function toFacets(rows: FacetCountRow[]): ForSaleFacets {
  const options = Object.fromEntries(forSaleFacetKeys.map((k) => [k, [] as { value: string; count: number }[]])) as ForSaleFacets['options'];
  const conditions: ForSaleFacets['conditions'] = { battery: [], lock: [] };
  let total = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.facet === 'total') total = n;
    else if (row.facet.startsWith('condition:')) {
      if (n > 0) conditions[row.facet.slice('condition:'.length) as ForSaleConditionKey]?.push({ value: row.value, count: n });
    } else if (row.value && n > 0) options[row.facet as ForSaleFacetKey]?.push({ value: row.value, count: n });
  }
  for (const key of forSaleFacetKeys) options[key].sort((a, b) => compareOptions[key](a.value, b.value));
  for (const key of forSaleConditionKeys) {
    const order: readonly string[] = forSaleConditionValues[key];
    conditions[key].sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  }
  return { total, options, conditions };
}

export async function forSaleFacets(db: DbOrTx, params: ForSaleParams): Promise<ForSaleFacets> {
  return toFacets(await queryRows<FacetCountRow>(db, forSaleFacetsQuery(params)));
}

/** The page's rows and its facet counts in one round trip (what the For Sale page uses). */
export async function forSalePage(db: DbOrTx, params: ForSaleParams): Promise<{ rows: ForSaleRow[]; facets: ForSaleFacets }> {
  type Row = FacetCountRow & RawRow & { kind: 'facet' | 'row'; position: number };
  const result = await queryRows<Row>(db, forSalePageQuery(params));
  const rows = result
    .filter((r) => r.kind === 'row')
    .sort((x, y) => Number(x.position) - Number(y.position))
    .map(toRow);
  return { rows, facets: toFacets(result.filter((r) => r.kind === 'facet')) };
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
    const rows = (await queryRows<RawRow>(db, forSaleListingQuery({ ...params, limit: batchSize, offset }))).map(toRow);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** One product in a grouped row: the grade's cell. */
export type ForSaleCell = {
  id: number;
  sku: string;
  grade: string;
  /** The buyer's price for one unit. */
  price: number | null;
  available: number;
  minOrderQuantity: number;
  orderIncrement: number;
};

/** One row of the grouped view: a model, capacity, color and network, with its products by grade. */
export type ForSaleGroup = {
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  /** In the seller's grade order (A+, A, B, C…); two products of one grade both appear. */
  cells: ForSaleCell[];
};

const groupKeys = ['manufacturer', 'model', 'capacity', 'color', 'network'] as const;

/** The grouped view's order: by model, or by the group's lowest price or total quantity, then by model. */
function groupOrderBy(view: ForSaleView): SQL {
  const d = view.dir === 'desc' ? sql`desc` : sql`asc`;
  const byModel = sql`g.manufacturer ${d}, g.model ${d}, (upper(g.capacity) like '%TB') ${d}, length(g.capacity) ${d}, g.capacity ${d}, g.color ${d}, g.network ${d}`;
  if (view.sort === 'price') return sql`g.price ${d} nulls last, ${byModel}`;
  if (view.sort === 'quantity') return sql`g.quantity ${d}, ${byModel}`;
  return byModel;
}

/**
 * Everything the grouped For Sale view reads, in one statement: the facet
 * counts with the total, the number of groups, and the products of one page
 * of groups (paginated in the database), from a single read of the searched set.
 */
export function forSaleGroupedPageQuery(params: ForSaleParams): SQL {
  const { view } = params;
  const allOk = allMatch();
  const keys = sql.join(groupKeys.map((k) => sql.identifier(k)), sql`, `);
  const order = groupOrderBy(view);
  const nulls = sql.join(groupKeys.map((k) => sql`null as ${sql.identifier(k)}`), sql`, `);
  return sql`with ${baseSet(params)}, ${facetCounts(view)},
    groups as (
      select ${keys}, min(price) as price, sum(quantity)::int as quantity
      from base where ${allOk}
      group by ${keys}
    ),
    page_groups as (
      select g.*, row_number() over (order by ${order}) as position
      from groups g
      order by ${order}
      limit ${FOR_SALE_PAGE_SIZE} offset ${(view.page - 1) * FOR_SALE_PAGE_SIZE}
    )
    select 'facet' as kind, facet, value, n, null::bigint as position, null::int as id, null as sku, null as grade,
      null::bigint as price, null::int as available, null::int as "minOrderQuantity", null::int as "orderIncrement", ${nulls}
    from facet_counts
    union all
    select 'groups', 'groups', '', count(*)::int, null, null, null, null, null, null, null, null, ${nulls}
    from groups
    union all
    select 'cell', null, null, null, g.position, b.id, b.sku, b.grade, b.price, b.quantity, b.min_order_quantity, b.order_increment,
      ${sql.join(groupKeys.map((k) => sql`g.${sql.identifier(k)}`), sql`, `)}
    from page_groups g
    join base b on ${allMatch('b')}
      and ${sql.join(groupKeys.map((k) => sql`b.${sql.identifier(k)} = g.${sql.identifier(k)}`), sql` and `)}`;
}

/** One page of the grouped view, its facet counts and the number of groups, in one round trip. */
export async function forSaleGroupedPage(
  db: DbOrTx,
  params: ForSaleParams,
): Promise<{ groups: ForSaleGroup[]; groupCount: number; facets: ForSaleFacets }> {
  type Row = FacetCountRow & ForSaleCell & Omit<ForSaleGroup, 'cells'> & { kind: 'facet' | 'groups' | 'cell'; position: number };
  const result = await queryRows<Row>(db, forSaleGroupedPageQuery(params));
  const byPosition = new Map<number, ForSaleGroup>();
  let groupCount = 0;
  for (const r of result) {
    if (r.kind === 'groups') groupCount = Number(r.n);
    if (r.kind !== 'cell') continue;
    const position = Number(r.position);
    let group = byPosition.get(position);
    if (!group) {
      group = { manufacturer: r.manufacturer, model: r.model, capacity: r.capacity, color: r.color, network: r.network, cells: [] };
      byPosition.set(position, group);
    }
    group.cells.push({
      id: r.id,
      sku: r.sku,
      grade: r.grade,
      price: money(r.price),
      available: Number(r.available),
      ...rulesOf(r),
    });
  }
  const groups = [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
  for (const g of groups) g.cells.sort((x, y) => compareOptions.grade(x.grade, y.grade) || x.id - y.id);
  return { groups, groupCount, facets: toFacets(result.filter((r) => r.kind === 'facet')) };
}

/**
 * The grade columns of the grouped view: the grades present under the other
 * filters, in the seller's order, narrowed to the chosen grades when there are any.
 */
export function gradeColumns(facets: ForSaleFacets, view: ForSaleView): string[] {
  const present = facets.options.grade.map((o) => o.value);
  return view.grade.length ? present.filter((g) => view.grade.includes(g)) : present;
}
