import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { inventoryStatuses, warehouses } from '@/db/schema';

/** The seller's inventory statuses (in their order) and warehouses, for menus. */
export async function inventoryPlaces(db: DbOrTx, params: { sellerId: number }) {
  const [statuses, warehouseRows] = await Promise.all([
    db
      .select({ id: inventoryStatuses.id, name: inventoryStatuses.name })
      .from(inventoryStatuses)
      .where(eq(inventoryStatuses.sellerId, params.sellerId))
      .orderBy(asc(inventoryStatuses.position), asc(inventoryStatuses.id)),
    db
      .select({ id: warehouses.id, name: warehouses.name, code: warehouses.code })
      .from(warehouses)
      .where(eq(warehouses.sellerId, params.sellerId))
      .orderBy(asc(warehouses.code)),
  ]);
  return { statuses, warehouses: warehouseRows };
}
