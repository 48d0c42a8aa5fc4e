import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sellers, staffUsers } from './sellers';
import { organizations, portalAccounts } from './customers';
import { products } from './catalog';
import { salesOrders } from './orders';

/**
 * requested (by a buyer, from the cart) → answered (staff priced every line) →
 * accepted (the buyer placed the order) or declined (by the buyer); staff may
 * withdraw it before acceptance. "Expired" is not stored: an answered quote
 * whose `valid_until` is before today.
 */
export const quoteStatus = pgEnum('quote_status', ['requested', 'answered', 'accepted', 'declined', 'withdrawn']);

/** A buyer's request for prices on the lines of their cart, and the seller's answer. */
export const quotes = pgTable(
  'quotes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    /** Per-seller document number shown to people. */
    number: integer('number').notNull(),
    organizationId: integer('organization_id').notNull(),
    /** The buyer who asked; the answer is emailed to them. */
    portalAccountId: integer('portal_account_id').notNull(),
    status: quoteStatus('status').notNull().default('requested'),
    buyerMessage: text('buyer_message'),
    staffNote: text('staff_note'),
    /** The last day the answer may be accepted. */
    validUntil: date('valid_until', { mode: 'string' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByStaffId: integer('answered_by_staff_id').references(() => staffUsers.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** When the buyer declined or staff withdrew it. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The order an accepted quote became. */
    orderId: integer('order_id'),
    /** Sent by the request form; a retried request finds the quote it already made. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('quotes_seller_number_unique').on(t.sellerId, t.number),
    uniqueIndex('quotes_seller_idempotency_unique').on(t.sellerId, t.idempotencyKey),
    unique('quotes_id_seller_unique').on(t.id, t.sellerId),
    index('quotes_organization_idx').on(t.organizationId, t.createdAt),
    index('quotes_seller_status_idx').on(t.sellerId, t.status, t.createdAt),
    check('quotes_accepted_has_order', sql`${t.status} <> 'accepted' or ${t.orderId} is not null`),
    check('quotes_answered_has_validity', sql`${t.status} <> 'answered' or ${t.validUntil} is not null`),
    foreignKey({
      name: 'quotes_organization_fk',
      columns: [t.organizationId, t.sellerId],
      foreignColumns: [organizations.id, organizations.sellerId],
    }),
    foreignKey({
      name: 'quotes_portal_account_fk',
      columns: [t.portalAccountId, t.sellerId],
      foreignColumns: [portalAccounts.id, portalAccounts.sellerId],
    }),
    foreignKey({
      name: 'quotes_order_fk',
      columns: [t.orderId, t.sellerId],
      foreignColumns: [salesOrders.id, salesOrders.sellerId],
    }),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id').notNull(),
    quoteId: integer('quote_id').notNull(),
    productId: integer('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Minor units the buyer hopes to pay per unit; null: no target. */
    targetUnitPrice: bigint('target_unit_price', { mode: 'number' }),
    /** Minor units staff quoted per unit; null until answered. */
    quotedUnitPrice: bigint('quoted_unit_price', { mode: 'number' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('quote_lines_quote_idx').on(t.quoteId),
    check('quote_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('quote_lines_target_nonnegative', sql`${t.targetUnitPrice} is null or ${t.targetUnitPrice} >= 0`),
    check('quote_lines_quoted_nonnegative', sql`${t.quotedUnitPrice} is null or ${t.quotedUnitPrice} >= 0`),
    foreignKey({
      name: 'quote_lines_quote_fk',
      columns: [t.quoteId, t.sellerId],
      foreignColumns: [quotes.id, quotes.sellerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'quote_lines_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }),
  ],
);

export type Quote = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
export type QuoteStatus = (typeof quoteStatus.enumValues)[number];
