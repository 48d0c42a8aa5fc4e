import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

export type DeviceTargets = {
  product: { id: number; sku: string } | null;
  warehouse: { id: number; code: string; name: string } | null;
  status: { id: number; name: string } | null;
};

/**
 * Looks up the product, warehouse and status a write names, each only among
 * this seller's own: an id of another seller comes back null (not found).
 */
export async function findDeviceTargets(
  db: DbOrTx,
  params: { sellerId: number; productId?: number | null; warehouseId?: number | null; statusId?: number | null },
): Promise<DeviceTargets> {
  const { sellerId } = params;
  const [row] = await queryRows<{
    product_id: number | null;
    sku: string | null;
    warehouse_id: number | null;
    code: string | null;
    warehouse_name: string | null;
    status_id: number | null;
    status_name: string | null;
  }>(db, sql`
    select p.id as product_id, p.sku, w.id as warehouse_id, w.code, w.name as warehouse_name,
           st.id as status_id, st.name as status_name
    from (select 1) one
    left join products p on p.id = ${params.productId ?? null}::int and p.seller_id = ${sellerId}
    left join warehouses w on w.id = ${params.warehouseId ?? null}::int and w.seller_id = ${sellerId}
    left join inventory_statuses st on st.id = ${params.statusId ?? null}::int and st.seller_id = ${sellerId}`);
  return {
    product: row?.product_id != null ? { id: row.product_id, sku: row.sku! } : null,
    warehouse: row?.warehouse_id != null ? { id: row.warehouse_id, code: row.code!, name: row.warehouse_name! } : null,
    status: row?.status_id != null ? { id: row.status_id, name: row.status_name! } : null,
  };
}
