import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sellers } from './sellers';
import { products } from './catalog';

/** How a price list prices a product it has no fixed price for. */
export const priceListRule = pgEnum('price_list_rule', ['percent_off', 'fixed']);

/**
 * A seller's price list, assigned to customer organizations (at most one
 * each). `percent_off`: list price less `percentOffBps` (basis points: 1250 =
 * 12.5 %); `fixed`: list price unless the list names a price. Either rule may
 * name fixed prices and quantity breaks per product (price_list_prices).
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    rule: priceListRule('rule').notNull().default('fixed'),
    percentOffBps: integer('percent_off_bps').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('price_lists_seller_name_unique').on(t.sellerId, sql`lower(${t.name})`),
    unique('price_lists_id_seller_unique').on(t.id, t.sellerId),
    check('price_lists_percent_off_range', sql`${t.percentOffBps} between 0 and 10000`),
  ],
);

/**
 * A price of one product on one list from `minQuantity` units per line on:
 * the row with the largest `minQuantity` not above the line's quantity wins
 * (1–9 at the row for 1, 10–49 at the row for 10, 50+ at the row for 50).
 */
export const priceListPrices = pgTable(
  'price_list_prices',
  {
    sellerId: integer('seller_id').notNull(),
    priceListId: integer('price_list_id').notNull(),
    productId: integer('product_id').notNull(),
    minQuantity: integer('min_quantity').notNull().default(1),
    /** Minor units of the seller's currency. */
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'price_list_prices_pk', columns: [t.priceListId, t.productId, t.minQuantity] }),
    foreignKey({
      name: 'price_list_prices_list_fk',
      columns: [t.priceListId, t.sellerId],
      foreignColumns: [priceLists.id, priceLists.sellerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'price_list_prices_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }),
    check('price_list_prices_min_quantity_positive', sql`${t.minQuantity} >= 1`),
    check('price_list_prices_unit_price_nonnegative', sql`${t.unitPrice} >= 0`),
  ],
);

export type PriceList = typeof priceLists.$inferSelect;
