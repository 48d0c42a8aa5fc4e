import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { paymentMethods } from '@/db/schema';
import { paymentMethodSchema, type PaymentMethodInput } from '@/lib/validation/catalogues';
import { defineCatalogue, type CatalogueWriteParams } from '../catalogue';
import { paymentMethodUsage } from '../usage';

/** Issued invoices keep their own snapshot of name and instructions, so edits do not reach them. */
export const paymentMethodCatalogue = defineCatalogue({
  kind: 'payment_method',
  table: paymentMethods,
  noun: 'Payment method',
  schema: paymentMethodSchema,
  orderBy: [asc(paymentMethods.name)],
  audited: (m) => ({ name: m.name, instructions: m.instructions }),
  fields: (values) => ({ name: values.name, instructions: values.instructions }),
  label: (m) => m.name,
  unique: [{ field: 'name', column: paymentMethods.name, message: (name) => `A payment method named "${name}" already exists.` }],
  duplicateMessage: 'A payment method with that name already exists.',
  usage: (db, { sellerId, id }) => paymentMethodUsage(db, { sellerId, methodId: id }),
});

export const listPaymentMethods = (db: DbOrTx, params: { sellerId: number; page?: number }) => paymentMethodCatalogue.list(db, params);

export const findPaymentMethod = (db: DbOrTx, params: { sellerId: number; methodId: number }) =>
  paymentMethodCatalogue.find(db, { sellerId: params.sellerId, id: params.methodId });

export const createPaymentMethod = (db: DbOrTx, params: CatalogueWriteParams & { input: PaymentMethodInput }) =>
  paymentMethodCatalogue.create(db, params);

export const updatePaymentMethod = (db: DbOrTx, { methodId, ...params }: CatalogueWriteParams & { methodId: number; input: PaymentMethodInput }) =>
  paymentMethodCatalogue.update(db, { ...params, id: methodId });

export const deletePaymentMethod = (db: DbOrTx, { methodId, ...params }: CatalogueWriteParams & { methodId: number }) =>
  paymentMethodCatalogue.remove(db, { ...params, id: methodId });
