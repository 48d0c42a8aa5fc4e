import { likeEscape } from '@/lib/like';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { isCancelledStatus, num, toDate, type CustomerScope } from '@/db/queries/portal/scope';
import { productAttributes, type ProductAttribute } from '@/lib/portal/device-filters';
import { readSoldCondition, type DeviceCondition } from '@/lib/device-condition';

export { productAttributes, type ProductAttribute };

export type PurchasedDeviceFilters = {
  /** An IMEI (or serial), or any part of one. */
  search?: string;
} & Partial<Record<ProductAttribute, string>>;

export type PurchasedDevice = {
  id: number;
  imei: string | null;
  serial: string | null;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  orderNumber: number;
  orderedAt: Date;
  /** The open RMA (requested, open or received) the device is in, if any. */
  openRmaNumber: number | null;
  /** The condition when it was committed to the order (later edits do not show), or null if none was kept. */
  soldCondition: DeviceCondition | null;
};

type PageParams = CustomerScope & PurchasedDeviceFilters & { page: number; pageSize: number };

/**
 * Purchased devices are devices committed to a line of a non-cancelled order
 * of the organization. Every statement starts from the organization's orders,
 * so the work is bounded by what this organization bought, whatever the size
 * of the seller's inventory.
 */
function orderConditions({ sellerId, organizationId }: CustomerScope): SQL {
  return sql`o.seller_id = ${sellerId} and o.organization_id = ${organizationId} and not ${isCancelledStatus('st.name')}`;
}

/** The organization's purchasable order lines (a few per order). */
function purchasedLineIds(scope: CustomerScope): SQL {
  return sql`select l.id from sales_orders o
    join order_statuses st on st.id = o.status_id and st.seller_id = ${scope.sellerId}
    join sales_order_lines l on l.order_id = o.id and l.seller_id = ${scope.sellerId}
    where ${orderConditions(scope)}`;
}

/** Conditions on the device alias `d`: seller, IMEI part and product attributes. */
function deviceConditions(scope: CustomerScope, filters: PurchasedDeviceFilters): SQL {
  const conditions: SQL[] = [sql`d.seller_id = ${scope.sellerId}`];
  const search = filters.search?.trim();
  if (search && /^\d{15}$/.test(search)) {
    // A whole IMEI (a scanner's answer): the seller's unique IMEI index finds it at once.
    conditions.push(sql`(d.imei = ${search} or lower(d.serial) = ${search})`);
  } else if (search) {
    // Part of an IMEI: a substring match over the organization's own devices only, reached
    // through the index on their order lines, so no trigram index is needed (PGlite has none).
    const pattern = `%${likeEscape(search.toLowerCase())}%`;
    conditions.push(sql`(d.imei like ${pattern} or lower(d.serial) like ${pattern})`);
  }
  const attributes = productAttributes.filter((a) => filters[a]);
  if (attributes.length) {
    const matches = attributes.map((a) => sql`p.${sql.raw(a)} = ${filters[a]!}`);
    conditions.push(
      sql`d.product_id in (select p.id from products p where p.seller_id = ${scope.sellerId} and ${sql.join(matches, sql` and `)})`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** Up to this many matches a page sorts the matches; above it, it walks orders newest first. */
const SORT_MATCHES_UP_TO = 2000;

const pageColumns = sql`p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade`;

/** Product attributes and the open RMA of each device of a page (50 rows, one statement). */
function decorate(sellerId: number, page: SQL): SQL {
  return sql`
    select page.*, ${pageColumns}, r.number as open_rma_number
    from (${page}) page
    join products p on p.id = page.product_id and p.seller_id = ${sellerId}
    left join lateral (
      select rm.number from rma_lines rl
      join rmas rm on rm.id = rl.rma_id and rm.seller_id = ${sellerId}
      where rl.device_id = page.id and rm.status in ('requested', 'open', 'received')
      order by rm.number desc limit 1
    ) r on true`;
}

/**
 * The statements behind the Purchased devices page, exported so the benchmark
 * can EXPLAIN them.
 * - `count`: the matching devices, read through the index on their order line.
 * - `matched`: with filters, one pass over the organization's devices gives the
 *   count and, when the matches are few (an IMEI search), the sorted page too.
 * - `walk`: with many matches, the organization's orders newest first, stopping
 *   once the page is full.
 */
export function purchasedDevicesQueries(params: PageParams): { count: SQL; matched: SQL; walk: SQL } {
  const { sellerId, pageSize } = params;
  const offset = (Math.max(1, params.page) - 1) * pageSize;
  const devicesWhere = deviceConditions(params, params);
  const matchingDevices = sql`from devices d
    where d.order_line_id = any(array(${purchasedLineIds(params)})) and ${devicesWhere}`;
  return {
    count: sql`select count(*)::int as n ${matchingDevices}`,
    matched: sql`
      with matched as materialized (
        select d.id, d.imei, d.serial, d.product_id, d.order_line_id, d.sold_condition ${matchingDevices}
      ),
      total as (select count(*)::int as n from matched),
      page as (
        select m.id, m.imei, m.serial, m.product_id, m.sold_condition, o.id as order_id, o.number as order_number, o.created_at as ordered_at
        from matched m
        join sales_order_lines l on l.id = m.order_line_id and l.seller_id = ${sellerId}
        join sales_orders o on o.id = l.order_id and o.seller_id = ${sellerId}
        where (select n from total) <= ${SORT_MATCHES_UP_TO}
        order by o.created_at desc, o.id desc, m.id desc
        limit ${pageSize} offset ${offset}
      )
      select (select n from total) as total,
             (select coalesce(json_agg(x order by x.ordered_at desc, x.order_id desc, x.id desc), '[]'::json)::text
              from (${decorate(sellerId, sql`select * from page`)}) x) as rows`,
    walk: sql`${decorate(
      sellerId,
      sql`
      select x.id, x.imei, x.serial, x.product_id, x.sold_condition, o.id as order_id, o.number as order_number, o.created_at as ordered_at
      from sales_orders o
      join order_statuses st on st.id = o.status_id and st.seller_id = ${sellerId}
      cross join lateral (
        select d.id, d.imei, d.serial, d.product_id, d.sold_condition from sales_order_lines l
        join devices d on d.order_line_id = l.id
        where l.order_id = o.id and l.seller_id = ${sellerId} and ${devicesWhere}
        offset 0 -- keeps the per-order walk: flattened, the planner may scan every committed device
      ) x
      where ${orderConditions(params)}
      order by o.created_at desc, o.id desc, x.id desc
      limit ${pageSize} offset ${offset}`,
    )}
      order by page.ordered_at desc, page.order_id desc, page.id desc`,
  };
}

/** jsonb arrives parsed from the drivers, or as text inside the page's json_agg. */
function soldConditionOf(value: unknown): DeviceCondition | null {
  const json = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return json && typeof json === 'object' ? readSoldCondition(json as Record<string, unknown>) : null;
}

function toDevice(r: Record<string, unknown>): PurchasedDevice {
  return {
    id: num(r.id),
    imei: (r.imei as string | null) ?? null,
    serial: (r.serial as string | null) ?? null,
    sku: String(r.sku),
    manufacturer: String(r.manufacturer),
    model: String(r.model),
    capacity: String(r.capacity),
    color: String(r.color),
    network: String(r.network),
    grade: String(r.grade),
    orderNumber: num(r.order_number),
    orderedAt: toDate(r.ordered_at),
    openRmaNumber: r.open_rma_number === null || r.open_rma_number === undefined ? null : num(r.open_rma_number),
    soldCondition: soldConditionOf(r.sold_condition),
  };
}

function hasFilters(filters: PurchasedDeviceFilters): boolean {
  return Boolean(filters.search?.trim()) || productAttributes.some((a) => filters[a]);
}

/** The Purchased devices page: newest orders first, one page at a time, with the total count. */
export async function listPurchasedDevices(db: DbOrTx, params: PageParams): Promise<{ rows: PurchasedDevice[]; total: number }> {
  const queries = purchasedDevicesQueries(params);
  let total: number;
  if (hasFilters(params)) {
    const [result] = await queryRows(db, queries.matched);
    total = num(result?.total);
    if (total <= SORT_MATCHES_UP_TO) {
      return { rows: (JSON.parse(String(result?.rows ?? '[]')) as Record<string, unknown>[]).map(toDevice), total };
    }
  } else {
    const [counted] = await queryRows(db, queries.count);
    total = num(counted?.n);
  }
  const offset = (Math.max(1, params.page) - 1) * params.pageSize;
  if (total === 0 || offset >= total) return { rows: [], total };
  return { rows: (await queryRows(db, queries.walk)).map(toDevice), total };
}

/**
 * Every purchased device matching the filters, for the CSV download, in the
 * page's order, a chunk of orders at a time so a large history never sits in
 * memory at once.
 */
export async function* purchasedDevicesForExport(
  db: DbOrTx,
  params: CustomerScope & PurchasedDeviceFilters & { ordersPerBatch?: number },
): AsyncGenerator<PurchasedDevice[]> {
  const { sellerId } = params;
  const orders = await queryRows<{ id: number }>(db, sql`
    select o.id from sales_orders o
    join order_statuses st on st.id = o.status_id and st.seller_id = ${sellerId}
    where ${orderConditions(params)}
    order by o.created_at desc, o.id desc`);
  const ids = orders.map((o) => num(o.id));
  const per = params.ordersPerBatch ?? 200;
  const devicesWhere = deviceConditions(params, params);
  for (let start = 0; start < ids.length; start += per) {
    const chunk = ids.slice(start, start + per);
    const rows = await queryRows(db, sql`
      select d.id, d.imei, d.serial, d.sold_condition, o.number as order_number, o.created_at as ordered_at,
             p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade, null as open_rma_number
      from sales_orders o
      join sales_order_lines l on l.order_id = o.id and l.seller_id = ${sellerId}
      join devices d on d.order_line_id = l.id
      join products p on p.id = d.product_id and p.seller_id = ${sellerId}
      where o.seller_id = ${sellerId} and o.organization_id = ${params.organizationId}
        and o.id in (${sql.join(chunk.map((id) => sql`${id}`), sql`, `)}) and ${devicesWhere}
      order by o.created_at desc, o.id desc, d.id desc`);
    if (rows.length) yield rows.map(toDevice);
  }
}

/**
 * Values offered by the product filters: the products on the organization's
 * non-cancelled order lines (a few rows per order, not one per device).
 */
export async function purchasedDeviceFilterOptions(
  db: DbOrTx,
  params: CustomerScope,
): Promise<Record<ProductAttribute, string[]>> {
  const rows = await queryRows(db, sql`
    select distinct p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade
    from products p
    where p.seller_id = ${params.sellerId} and p.id in (
      select l.product_id from sales_orders o
      join order_statuses st on st.id = o.status_id and st.seller_id = ${params.sellerId}
      join sales_order_lines l on l.order_id = o.id and l.seller_id = ${params.sellerId}
      where ${orderConditions(params)})`);
  const options = Object.fromEntries(productAttributes.map((a) => [a, new Set<string>()])) as Record<
    ProductAttribute,
    Set<string>
  >;
  for (const row of rows) {
    for (const a of productAttributes) {
      const value = String(row[a] ?? '');
      if (value) options[a].add(value);
    }
  }
  return Object.fromEntries(
    productAttributes.map((a) => [a, [...options[a]].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))]),
  ) as Record<ProductAttribute, string[]>;
}
