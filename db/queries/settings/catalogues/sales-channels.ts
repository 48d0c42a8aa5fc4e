import { asc } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { salesChannels } from '@/db/schema';
import { salesChannelSchema, type SalesChannelInput } from '@/lib/validation/catalogues';
import { defineCatalogue, type CatalogueWriteParams } from '../catalogue';
import { salesChannelUsage } from '../usage';

export const salesChannelCatalogue = defineCatalogue({
  kind: 'sales_channel',
  table: salesChannels,
  noun: 'Sales channel',
  schema: salesChannelSchema,
  orderBy: [asc(salesChannels.name)],
  audited: (c) => ({ name: c.name }),
  fields: (values) => ({ name: values.name }),
  label: (c) => c.name,
  unique: [{ field: 'name', column: salesChannels.name, message: (name) => `A sales channel named "${name}" already exists.` }],
  duplicateMessage: 'A sales channel with that name already exists.',
  usage: (db, { sellerId, id }) => salesChannelUsage(db, { sellerId, channelId: id }),
});

export const listSalesChannels = (db: DbOrTx, params: { sellerId: number; page?: number }) => salesChannelCatalogue.list(db, params);

export const findSalesChannel = (db: DbOrTx, params: { sellerId: number; channelId: number }) =>
  salesChannelCatalogue.find(db, { sellerId: params.sellerId, id: params.channelId });

export const createSalesChannel = (db: DbOrTx, params: CatalogueWriteParams & { input: SalesChannelInput }) => salesChannelCatalogue.create(db, params);

export const updateSalesChannel = (db: DbOrTx, { channelId, ...params }: CatalogueWriteParams & { channelId: number; input: SalesChannelInput }) =>
  salesChannelCatalogue.update(db, { ...params, id: channelId });

export const deleteSalesChannel = (db: DbOrTx, { channelId, ...params }: CatalogueWriteParams & { channelId: number }) =>
  salesChannelCatalogue.remove(db, { ...params, id: channelId });
