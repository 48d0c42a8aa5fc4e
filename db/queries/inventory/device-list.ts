import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { deviceConditions, type DeviceFilters } from './device-filters';

export const INVENTORY_PAGE_SIZE = 50;
/** Counting stops here: an exact count of a million rows on every page load is not worth its cost. */
export const DEVICE_COUNT_CAP = 10_000;

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

/** Keyset position: `after` = the last id of the page before (newest first), `before` = the first id of the page after. */
export type DevicePageCursor = { after?: number; before?: number };

export type DevicePage = {
  rows: DeviceListRow[];
  /** Pass as `after` for the next (older) page, null on the last page. */
  nextAfter: number | null;
  /** Pass as `before` for the previous (newer) page, null on the first page. */
  previousBefore: number | null;
};

/**
 * One page of a seller's devices, newest first, by keyset: `id < after` walks
 * the (seller_id, id) or (seller_id, status_id, warehouse_id, id) index in
 * order and stops after one page, so page 20 costs what page 1 costs. The
 * page's ids are chosen first and only those rows are joined.
 */
export async function listDevices(
  db: DbOrTx,
  params: { sellerId: number; filters: DeviceFilters; cursor?: DevicePageCursor; pageSize?: number },
): Promise<DevicePage> {
  const pageSize = params.pageSize ?? INVENTORY_PAGE_SIZE;
  const { after, before } = params.cursor ?? {};
  const backwards = before !== undefined && after === undefined;
  const where = deviceConditions(params.sellerId, params.filters);
  const keyset = backwards
    ? sql` and devices.id > ${before}`
    : after !== undefined
      ? sql` and devices.id < ${after}`
      : sql``;
  const order = backwards ? sql`asc` : sql`desc`;

  const found = await queryRows<DeviceListRow>(db, sql`
    with page as (
      select devices.id from devices
      where ${where}${keyset}
      order by devices.id ${order}
      limit ${pageSize + 1}
    )
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
    order by d.id ${order}`);

  const more = found.length > pageSize;
  const rows = found.slice(0, pageSize);
  if (backwards) rows.reverse();
  const first = rows[0]?.id ?? null;
  const last = rows[rows.length - 1]?.id ?? null;
  return {
    rows,
    nextAfter: backwards ? last : more ? last : null,
    previousBefore: backwards ? (more ? first : null) : after !== undefined ? first : null,
  };
}

/**
 * How many devices match, counted up to `cap`: exact for selective filters,
 * "more than cap" otherwise, at a cost bounded by the cap whatever the table size.
 */
export async function countMatchingDevices(
  db: DbOrTx,
  params: { sellerId: number; filters: DeviceFilters; cap?: number },
): Promise<{ count: number; capped: boolean }> {
  const cap = params.cap ?? DEVICE_COUNT_CAP;
  const [row] = await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from (
      select 1 from devices where ${deviceConditions(params.sellerId, params.filters)} limit ${cap + 1}
    ) matching`);
  const n = Number(row?.n ?? 0);
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
}
