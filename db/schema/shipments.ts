import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sellers, staffUsers } from './sellers';
import { salesOrders } from './orders';

/**
 * A parcel of an order: its carrier and tracking number, recorded by staff
 * when they mark the order shipped or later on the order page. The buyer sees
 * it on the order with the carrier's tracking link (lib/shipments/carriers.ts).
 */
export const orderShipments = pgTable(
  'order_shipments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    orderId: integer('order_id').notNull(),
    /** One of `carrierCodes`. */
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('order_shipments_order_idx').on(t.orderId),
    // One tracking number once per order and carrier (a retried save adds nothing).
    uniqueIndex('order_shipments_order_number_unique').on(t.sellerId, t.orderId, t.carrier, sql`upper(${t.trackingNumber})`),
    check('order_shipments_carrier', sql`${t.carrier} in ('ups', 'fedex', 'dhl_express', 'usps', 'royal_mail', 'dpd', 'other')`),
    check('order_shipments_tracking_number', sql`${t.trackingNumber} ~ '^[A-Za-z0-9-]{4,40}$'`),
    foreignKey({
      name: 'order_shipments_order_fk',
      columns: [t.orderId, t.sellerId],
      foreignColumns: [salesOrders.id, salesOrders.sellerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'order_shipments_created_by_fk',
      columns: [t.createdBy, t.sellerId],
      foreignColumns: [staffUsers.id, staffUsers.sellerId],
    }),
  ],
);

export type OrderShipment = typeof orderShipments.$inferSelect;
