import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { warehouses } from '@/db/schema';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalogues';
import { defineCatalogue, type CatalogueWriteParams } from '../catalogue';
import { warehouseUsage } from '../usage';

export const warehouseCatalogue = defineCatalogue({
  kind: 'warehouse',
  table: warehouses,
  noun: 'Warehouse',
  schema: warehouseSchema,
  orderBy: [asc(warehouses.code)],
  audited: (w) => ({ name: w.name, code: w.code }),
  fields: (values) => ({ name: values.name, code: values.code }),
  label: (w) => w.code,
  unique: [
    { field: 'code', column: warehouses.code, message: (code) => `A warehouse with code ${code} already exists.` },
    { field: 'name', column: warehouses.name, message: (name) => `A warehouse named "${name}" already exists.` },
  ],
  duplicateMessage: 'A warehouse with that code already exists.',
  usage: (db, { sellerId, id }) => warehouseUsage(db, { sellerId, warehouseId: id }),
});

export const listWarehouses = (db: DbOrTx, params: { sellerId: number; page?: number }) => warehouseCatalogue.list(db, params);

export const findWarehouse = (db: DbOrTx, params: { sellerId: number; warehouseId: number }) =>
  warehouseCatalogue.find(db, { sellerId: params.sellerId, id: params.warehouseId });

export const createWarehouse = (db: DbOrTx, params: CatalogueWriteParams & { input: WarehouseInput }) => warehouseCatalogue.create(db, params);

export const updateWarehouse = (db: DbOrTx, { warehouseId, ...params }: CatalogueWriteParams & { warehouseId: number; input: WarehouseInput }) =>
  warehouseCatalogue.update(db, { ...params, id: warehouseId });

export const deleteWarehouse = (db: DbOrTx, { warehouseId, ...params }: CatalogueWriteParams & { warehouseId: number }) =>
  warehouseCatalogue.remove(db, { ...params, id: warehouseId });
