import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { inventoryStatuses } from '@/db/schema';
import { inventoryStatusSchema, type InventoryStatusInput } from '@/lib/validation/catalogues';
import { defineCatalogue, positionOrNext, type CatalogueWriteParams } from '../catalogue';
import { inventoryStatusUsage } from '../usage';

export const inventoryStatusCatalogue = defineCatalogue({
  kind: 'inventory_status',
  table: inventoryStatuses,
  noun: 'Inventory status',
  schema: inventoryStatusSchema,
  orderBy: [asc(inventoryStatuses.position), asc(inventoryStatuses.name)],
  audited: (s) => ({ name: s.name, position: s.position }),
  fields: async (values, { tx, sellerId, current }) => ({
    name: values.name,
    position: await positionOrNext(tx, { sellerId, table: inventoryStatuses, position: values.position, current }),
  }),
  label: (s) => s.name,
  unique: [{ field: 'name', column: inventoryStatuses.name, message: (name) => `An inventory status named "${name}" already exists.` }],
  duplicateMessage: 'An inventory status with that name already exists.',
  usage: (db, { sellerId, id }) => inventoryStatusUsage(db, { sellerId, statusId: id }),
});

export const listInventoryStatuses = (db: DbOrTx, params: { sellerId: number; page?: number }) => inventoryStatusCatalogue.list(db, params);

export const findInventoryStatus = (db: DbOrTx, params: { sellerId: number; statusId: number }) =>
  inventoryStatusCatalogue.find(db, { sellerId: params.sellerId, id: params.statusId });

export const createInventoryStatus = (db: DbOrTx, params: CatalogueWriteParams & { input: InventoryStatusInput }) =>
  inventoryStatusCatalogue.create(db, params);

export const updateInventoryStatus = (
  db: DbOrTx,
  { statusId, ...params }: CatalogueWriteParams & { statusId: number; input: InventoryStatusInput },
) => inventoryStatusCatalogue.update(db, { ...params, id: statusId });

export const deleteInventoryStatus = (db: DbOrTx, { statusId, ...params }: CatalogueWriteParams & { statusId: number }) =>
  inventoryStatusCatalogue.remove(db, { ...params, id: statusId });
