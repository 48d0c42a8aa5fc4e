import { relations } from 'drizzle-orm';
import { sellers, staffUsers } from './sellers';
import { devices, inventoryStatuses, productAvailability, products, warehouses } from './catalog';
import { organizations, portalAccounts } from './customers';
import {
  invoiceLines,
  invoices,
  orderStatuses,
  paymentMethods,
  salesChannels,
  salesOrderLines,
  salesOrders,
} from './orders';
import { portalSettings } from './portal';
import { cartLines } from './carts';
import { rmaLines, rmas } from './rmas';

export const sellersRelations = relations(sellers, ({ one, many }) => ({
  portalSettings: one(portalSettings, {
    fields: [sellers.id],
    references: [portalSettings.sellerId],
  }),
  staffUsers: many(staffUsers),
}));

export const staffUsersRelations = relations(staffUsers, ({ one }) => ({
  seller: one(sellers, { fields: [staffUsers.sellerId], references: [sellers.id] }),
}));

export const productsRelations = relations(products, ({ one, many }) => ({
  availability: one(productAvailability, {
    fields: [products.id],
    references: [productAvailability.productId],
  }),
  devices: many(devices),
}));

export const devicesRelations = relations(devices, ({ one }) => ({
  product: one(products, { fields: [devices.productId], references: [products.id] }),
  warehouse: one(warehouses, { fields: [devices.warehouseId], references: [warehouses.id] }),
  status: one(inventoryStatuses, {
    fields: [devices.statusId],
    references: [inventoryStatuses.id],
  }),
  orderLine: one(salesOrderLines, {
    fields: [devices.orderLineId],
    references: [salesOrderLines.id],
  }),
}));

export const organizationsRelations = relations(organizations, ({ many }) => ({
  portalAccounts: many(portalAccounts),
  orders: many(salesOrders),
  rmas: many(rmas),
}));

export const portalAccountsRelations = relations(portalAccounts, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [portalAccounts.organizationId],
    references: [organizations.id],
  }),
  cartLines: many(cartLines),
}));

export const salesOrdersRelations = relations(salesOrders, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [salesOrders.organizationId],
    references: [organizations.id],
  }),
  status: one(orderStatuses, { fields: [salesOrders.statusId], references: [orderStatuses.id] }),
  channel: one(salesChannels, {
    fields: [salesOrders.channelId],
    references: [salesChannels.id],
  }),
  paymentMethod: one(paymentMethods, {
    fields: [salesOrders.paymentMethodId],
    references: [paymentMethods.id],
  }),
  placedByAccount: one(portalAccounts, {
    fields: [salesOrders.placedByAccountId],
    references: [portalAccounts.id],
  }),
  lines: many(salesOrderLines),
  invoices: many(invoices),
}));

export const salesOrderLinesRelations = relations(salesOrderLines, ({ one, many }) => ({
  order: one(salesOrders, { fields: [salesOrderLines.orderId], references: [salesOrders.id] }),
  product: one(products, { fields: [salesOrderLines.productId], references: [products.id] }),
  devices: many(devices),
}));

export const invoicesRelations = relations(invoices, ({ one, many }) => ({
  order: one(salesOrders, { fields: [invoices.orderId], references: [salesOrders.id] }),
  lines: many(invoiceLines),
}));

export const invoiceLinesRelations = relations(invoiceLines, ({ one }) => ({
  invoice: one(invoices, { fields: [invoiceLines.invoiceId], references: [invoices.id] }),
}));

export const cartLinesRelations = relations(cartLines, ({ one }) => ({
  product: one(products, { fields: [cartLines.productId], references: [products.id] }),
  portalAccount: one(portalAccounts, {
    fields: [cartLines.portalAccountId],
    references: [portalAccounts.id],
  }),
}));

export const rmasRelations = relations(rmas, ({ one, many }) => ({
  organization: one(organizations, {
    fields: [rmas.organizationId],
    references: [organizations.id],
  }),
  lines: many(rmaLines),
}));

export const rmaLinesRelations = relations(rmaLines, ({ one }) => ({
  rma: one(rmas, { fields: [rmaLines.rmaId], references: [rmas.id] }),
  device: one(devices, { fields: [rmaLines.deviceId], references: [devices.id] }),
}));
