import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { inventoryStatuses, organizations, warehouses } from '@/db/schema';

/** Organizations to create an RMA for, and where received devices can go. */
export async function rmaFormOptions(db: DbOrTx, params: { sellerId: number }) {
  const orgs = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.sellerId, params.sellerId))
    .orderBy(asc(organizations.name), asc(organizations.id));
  const statuses = await db
    .select({ id: inventoryStatuses.id, name: inventoryStatuses.name })
    .from(inventoryStatuses)
    .where(eq(inventoryStatuses.sellerId, params.sellerId))
    .orderBy(asc(inventoryStatuses.position), asc(inventoryStatuses.id));
  const places = await db
    .select({ id: warehouses.id, name: warehouses.name, code: warehouses.code })
    .from(warehouses)
    .where(eq(warehouses.sellerId, params.sellerId))
    .orderBy(asc(warehouses.name));
  return { organizations: orgs, inventoryStatuses: statuses, warehouses: places };
}
