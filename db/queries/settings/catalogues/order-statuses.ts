import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { orderStatuses } from '@/db/schema';
import { orderStatusSchema, type OrderStatusInput } from '@/lib/validation/catalogues';
import { defineCatalogue, positionOrNext, type CatalogueWriteParams } from '../catalogue';
import { orderStatusUsage } from '../usage';

export const orderStatusCatalogue = defineCatalogue({
  kind: 'order_status',
  table: orderStatuses,
  noun: 'Order status',
  schema: orderStatusSchema,
  orderBy: [asc(orderStatuses.position), asc(orderStatuses.name)],
  audited: (s) => ({ name: s.name, color: s.color, isOpen: s.isOpen, allowsCommitting: s.allowsCommitting, emailBuyer: s.emailBuyer, position: s.position }),
  fields: async (values, { tx, sellerId, current }) => ({
    name: values.name,
    color: values.color,
    isOpen: values.isOpen,
    allowsCommitting: values.allowsCommitting,
    emailBuyer: values.emailBuyer,
    position: await positionOrNext(tx, { sellerId, table: orderStatuses, position: values.position, current }),
  }),
  label: (s) => s.name,
  unique: [{ field: 'name', column: orderStatuses.name, message: (name) => `An order status named "${name}" already exists.` }],
  duplicateMessage: 'An order status with that name already exists.',
  usage: (db, { sellerId, id }) => orderStatusUsage(db, { sellerId, statusId: id }),
});

export const listOrderStatuses = (db: DbOrTx, params: { sellerId: number; page?: number }) => orderStatusCatalogue.list(db, params);

export const findOrderStatus = (db: DbOrTx, params: { sellerId: number; statusId: number }) =>
  orderStatusCatalogue.find(db, { sellerId: params.sellerId, id: params.statusId });

export const createOrderStatus = (db: DbOrTx, params: CatalogueWriteParams & { input: OrderStatusInput }) => orderStatusCatalogue.create(db, params);

export const updateOrderStatus = (db: DbOrTx, { statusId, ...params }: CatalogueWriteParams & { statusId: number; input: OrderStatusInput }) =>
  orderStatusCatalogue.update(db, { ...params, id: statusId });

export const deleteOrderStatus = (db: DbOrTx, { statusId, ...params }: CatalogueWriteParams & { statusId: number }) =>
  orderStatusCatalogue.remove(db, { ...params, id: statusId });
