import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

/**
 * A few uncommitted devices per product that count as For Sale (chosen
 * statuses and warehouses), oldest received first: IMEIs staff can pick from
 * when committing without a scanner (never a unit a buyer's pick holds). One query; each product's scan stops
 * after `perProduct` rows on the uncommitted-devices index.
 */
export async function devicesToPick(
  db: DbOrTx,
  params: { sellerId: number; productIds: number[]; perProduct?: number },
) {
  if (!params.productIds.length) return new Map<number, { imei: string; warehouseCode: string; statusName: string }[]>();
  const perProduct = Math.min(params.perProduct ?? 8, 50);
  const ids = `{${params.productIds.map((id) => Math.trunc(id)).join(',')}}`;
  const rows = await queryRows<{ product_id: number; imei: string; warehouse_code: string; status_name: string }>(
    db,
    sql`
      select p.product_id, d.imei, w.code as warehouse_code, s.name as status_name
      from unnest(${ids}::int[]) as p(product_id)
      cross join lateral (
        select d.imei, d.warehouse_id, d.status_id from devices d
        where d.seller_id = ${params.sellerId}
          and d.product_id = p.product_id
          and d.order_line_id is null
          and d.imei is not null
          and not exists (select 1 from unit_holds h where h.device_id = d.id)
          and d.status_id in (select status_id from portal_for_sale_statuses where seller_id = ${params.sellerId})
          and d.warehouse_id in (select warehouse_id from portal_for_sale_warehouses where seller_id = ${params.sellerId})
        order by d.received_on, d.id
        limit ${perProduct}
      ) d
      join warehouses w on w.id = d.warehouse_id
      join inventory_statuses s on s.id = d.status_id
      order by p.product_id`,
  );
  const byProduct = new Map<number, { imei: string; warehouseCode: string; statusName: string }[]>();
  for (const r of rows) {
    const productId = Number(r.product_id);
    byProduct.set(productId, [...(byProduct.get(productId) ?? []), { imei: r.imei, warehouseCode: r.warehouse_code, statusName: r.status_name }]);
  }
  return byProduct;
}
