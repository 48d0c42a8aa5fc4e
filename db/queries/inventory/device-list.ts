import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import type { DeviceKey, DevicePageCursor } from '@/lib/inventory/device-key';
import { deviceMatch, SEARCH_CANDIDATE_CAP, type DeviceFilters } from './device-filters';

export type { DeviceKey, DevicePageCursor };

export const INVENTORY_PAGE_SIZE = 50;
/**
 * Counting stops here: an exact count over a million rows on every page load
 * costs hundreds of milliseconds; "more than 1,000" says enough, and a capped
 * count costs at most (cap / share of devices matching) rows.
 */
export const DEVICE_COUNT_CAP = 1_000;

export type DeviceListRow = {
  id: number;
  imei: string | null;
  serial: string | null;
  cost: number | null;
  receivedOn: string;
  productId: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  statusName: string;
  warehouseCode: string;
  warehouseName: string;
  orderNumber: number | null;
};

export type DevicePage = {
  rows: DeviceListRow[];
  /** Pass as `after` for the next (older) page, null on the last page. */
  nextAfter: DeviceKey | null;
  /** Pass as `before` for the previous (newer) page, null on the first page. */
  previousBefore: DeviceKey | null;
};

function isBackwards(cursor: DevicePageCursor | undefined): boolean {
  return cursor?.before !== undefined && cursor.after === undefined;
}

/** `(received_on, id)` beyond the cursor, in the direction of travel. */
function keysetCondition(receivedOn: SQL, id: SQL, cursor: DevicePageCursor | undefined): SQL {
  const backwards = isBackwards(cursor);
  const key = backwards ? cursor!.before! : cursor?.after;
  if (!key) return sql``;
  return backwards
    ? sql` and (${receivedOn}, ${id}) > (${key.receivedOn}::date, ${key.id}::int)`
    : sql` and (${receivedOn}, ${id}) < (${key.receivedOn}::date, ${key.id}::int)`;
}

/**
 * The SQL of one page (one row more than the page, to know whether another
 * follows); the benchmark EXPLAINs it.
 *
 * Without a search the page is read in the order of a (seller, received, id)
 * index and stops after one page, so page 20 costs what page 1 costs. With a
 * search, the candidates found through the IMEI/serial indexes are sorted (an
 * ORDER BY subquery is not flattened, so its order reaches the LIMIT) and
 * checked one by one by a LATERAL lookup until the page is full.
 */
export function devicePageQuery(params: {
  sellerId: number;
  filters: DeviceFilters;
  cursor?: DevicePageCursor;
  pageSize: number;
  searchCap?: number;
}): SQL {
  const backwards = isBackwards(params.cursor);
  const match = deviceMatch(params);
  const order = backwards ? sql`asc` : sql`desc`;
  const page =
    match.kind === 'filter'
      ? sql`page as (
          select devices.id, devices.received_on from devices
          where ${match.where}${keysetCondition(sql`devices.received_on`, sql`devices.id`, params.cursor)}
          order by devices.received_on ${order}, devices.id ${order}
          limit ${params.pageSize + 1}
        )`
      : sql`${match.candidatesCte}, page as (
          select c.id, c.received_on from (
            select id, received_on from candidates c
            where true${keysetCondition(sql`c.received_on`, sql`c.id`, params.cursor)}
            order by received_on ${order}, id ${order}
          ) c
          cross join lateral (
            select 1 from devices where devices.id = c.id and ${match.where} limit 1
          ) hit
          order by c.received_on ${order}, c.id ${order}
          limit ${params.pageSize + 1}
        )`;
  return sql`
    with ${page}
    select d.id, d.imei, d.serial, d.cost, d.received_on::text as "receivedOn",
           p.id as "productId", p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
           st.name as "statusName", w.code as "warehouseCode", w.name as "warehouseName",
           o.number as "orderNumber"
    from page
    join devices d on d.id = page.id
    join products p on p.id = d.product_id
    join inventory_statuses st on st.id = d.status_id
    join warehouses w on w.id = d.warehouse_id
    left join sales_order_lines l on l.id = d.order_line_id
    left join sales_orders o on o.id = l.order_id
    order by page.received_on ${order}, page.id ${order}`;
}

/** The capped count's SQL (and, for a search, how many candidates it gathered); the benchmark EXPLAINs it. */
export function matchingCountQuery(params: { sellerId: number; filters: DeviceFilters; cap: number; searchCap?: number }): SQL {
  const match = deviceMatch(params);
  if (match.kind === 'filter') {
    return sql`
      select count(*)::int as n, 0 as candidates from (
        select 1 from devices where ${match.where} limit ${params.cap + 1}
      ) matching`;
  }
  return sql`
    with ${match.candidatesCte}
    select (select count(*) from (
              select 1 from candidates
              cross join lateral (select 1 from devices where devices.id = candidates.id and ${match.where} limit 1) hit
              limit ${params.cap + 1}
            ) matching)::int as n,
           (select count(*) from candidates)::int as candidates`;
}

/** One page of a seller's devices, latest received first, by keyset (see devicePageQuery). */
export async function listDevices(
  db: DbOrTx,
  params: { sellerId: number; filters: DeviceFilters; cursor?: DevicePageCursor; pageSize?: number; searchCap?: number },
): Promise<DevicePage> {
  const pageSize = params.pageSize ?? INVENTORY_PAGE_SIZE;
  const backwards = isBackwards(params.cursor);
  const found = await queryRows<DeviceListRow>(db, devicePageQuery({ ...params, pageSize }));
  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const key = (row: DeviceListRow | undefined): DeviceKey | null => (row ? { receivedOn: row.receivedOn, id: row.id } : null);
  const first = key(rows[0]);
  const last = key(rows[rows.length - 1]);
  return {
    rows,
    nextAfter: backwards || more ? last : null,
    previousBefore: backwards ? (more ? first : null) : params.cursor?.after ? first : null,
  };
}

/**
 * How many devices match, counted up to `cap`: exact for selective filters,
 * "more than cap" otherwise, at a bounded cost whatever the table size.
 * `searchTooBroad`: the IMEI/serial search gathered more candidates than the
 * search cap, so the list shows only some of the matches.
 */
export async function countMatchingDevices(
  db: DbOrTx,
  params: { sellerId: number; filters: DeviceFilters; cap?: number; searchCap?: number },
): Promise<{ count: number; capped: boolean; searchTooBroad: boolean }> {
  const cap = params.cap ?? DEVICE_COUNT_CAP;
  const searchCap = params.searchCap ?? SEARCH_CANDIDATE_CAP;
  const [row] = await queryRows<{ n: number; candidates: number }>(db, matchingCountQuery({ ...params, cap, searchCap }));
  const n = Number(row?.n ?? 0);
  const searchTooBroad = Number(row?.candidates ?? 0) > searchCap;
  return { count: Math.min(n, cap), capped: n > cap, searchTooBroad };
}
