import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { portalAccounts } from './customers';
import { devices, products } from './catalog';

/** The cart belongs to the portal account and survives signing out. It reserves nothing. */
export const cartLines = pgTable(
  'cart_lines',
  {
    sellerId: integer('seller_id').notNull(),
    portalAccountId: integer('portal_account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    productId: integer('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.portalAccountId, t.productId] }),
    check('cart_lines_quantity_positive', sql`${t.quantity} > 0`),
    foreignKey({
      name: 'cart_lines_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }).onDelete('cascade'),
  ],
);

export type CartLine = typeof cartLines.$inferSelect;

/**
 * Units a buyer picked on a product page (when the seller lets buyers pick units), in the cart beside the
 * product-level lines. Like the cart, this reserves nothing: the unit is held only once checked out
 * (`unit_holds`), and checkout checks each one again.
 */
export const cartUnits = pgTable(
  'cart_units',
  {
    sellerId: integer('seller_id').notNull(),
    portalAccountId: integer('portal_account_id')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    productId: integer('product_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.portalAccountId, t.deviceId] }),
    foreignKey({
      name: 'cart_units_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }).onDelete('cascade'),
  ],
);

export type CartUnit = typeof cartUnits.$inferSelect;
