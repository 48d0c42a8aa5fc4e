import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sellers, staffUsers } from './sellers';
import { organizations, portalAccounts, type ShipTo } from './customers';
import { devices, products } from './catalog';

export const orderStatuses = pgTable(
  'order_statuses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    /** CSS hex color, e.g. `#2563eb`. */
    color: text('color').notNull().default('#64748b'),
    isOpen: boolean('is_open').notNull().default(true),
    allowsCommitting: boolean('allows_committing').notNull().default(false),
    /** Email the buyer when an order enters this status (staff status change). */
    emailBuyer: boolean('email_buyer').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('order_statuses_seller_name_unique').on(t.sellerId, sql`lower(${t.name})`),
    unique('order_statuses_id_seller_unique').on(t.id, t.sellerId),
  ],
);

export const salesChannels = pgTable(
  'sales_channels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('sales_channels_seller_name_unique').on(t.sellerId, sql`lower(${t.name})`),
    unique('sales_channels_id_seller_unique').on(t.id, t.sellerId),
  ],
);

export const paymentMethods = pgTable(
  'payment_methods',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    /** Printed on the invoice, e.g. bank details or "Net 30". */
    instructions: text('instructions').notNull().default(''),
  },
  (t) => [
    uniqueIndex('payment_methods_seller_name_unique').on(t.sellerId, sql`lower(${t.name})`),
    unique('payment_methods_id_seller_unique').on(t.id, t.sellerId),
  ],
);

export const salesOrders = pgTable(
  'sales_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    /** Per-seller sequential number shown to people. */
    number: integer('number').notNull(),
    organizationId: integer('organization_id').notNull(),
    placedByAccountId: integer('placed_by_account_id').references(() => portalAccounts.id),
    placedByStaffId: integer('placed_by_staff_id').references(() => staffUsers.id),
    statusId: integer('status_id').notNull(),
    channelId: integer('channel_id').notNull(),
    paymentMethodId: integer('payment_method_id'),
    poNumber: text('po_number'),
    notes: text('notes'),
    /** Sent by the checkout form; a retried checkout finds the order it already made. */
    idempotencyKey: text('idempotency_key'),
    /** Where the order ships: a snapshot of the chosen address (null: none on file when it was placed). */
    shipTo: jsonb('ship_to').$type<ShipTo>(),
    /** Why staff closed the order with devices still missing ("Close anyway"); shown on the order. */
    closedShortReason: text('closed_short_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sales_orders_seller_number_unique').on(t.sellerId, t.number),
    uniqueIndex('sales_orders_seller_idempotency_unique').on(t.sellerId, t.idempotencyKey),
    unique('sales_orders_id_seller_unique').on(t.id, t.sellerId),
    index('sales_orders_organization_idx').on(t.organizationId, t.createdAt),
    index('sales_orders_seller_created_idx').on(t.sellerId, t.createdAt),
    foreignKey({
      name: 'sales_orders_organization_fk',
      columns: [t.organizationId, t.sellerId],
      foreignColumns: [organizations.id, organizations.sellerId],
    }),
    foreignKey({
      name: 'sales_orders_status_fk',
      columns: [t.statusId, t.sellerId],
      foreignColumns: [orderStatuses.id, orderStatuses.sellerId],
    }),
    foreignKey({
      name: 'sales_orders_channel_fk',
      columns: [t.channelId, t.sellerId],
      foreignColumns: [salesChannels.id, salesChannels.sellerId],
    }),
    foreignKey({
      name: 'sales_orders_payment_method_fk',
      columns: [t.paymentMethodId, t.sellerId],
      foreignColumns: [paymentMethods.id, paymentMethods.sellerId],
    }),
  ],
);

export const salesOrderLines = pgTable(
  'sales_order_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    orderId: integer('order_id').notNull(),
    productId: integer('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Snapshot of the list price when ordered; null means "to be quoted". */
    unitPrice: bigint('unit_price', { mode: 'number' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('sales_order_lines_order_idx').on(t.orderId),
    index('sales_order_lines_product_idx').on(t.productId),
    check('sales_order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('sales_order_lines_price_nonnegative', sql`${t.unitPrice} is null or ${t.unitPrice} >= 0`),
    foreignKey({
      name: 'sales_order_lines_order_fk',
      columns: [t.orderId, t.sellerId],
      foreignColumns: [salesOrders.id, salesOrders.sellerId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'sales_order_lines_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }),
  ],
);

/**
 * A unit the buyer picked, held for the order line it was checked out on. One hold per device (the
 * primary key), so two buyers can never be promised the same unit: the second checkout finds it taken
 * and is refused. Staff commit exactly these units to the line; entering a closed status (Cancelled)
 * releases the order's holds (trigger of 0023_unit_holds.sql); deleting the line or order drops them.
 */
export const unitHolds = pgTable(
  'unit_holds',
  {
    deviceId: integer('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    sellerId: integer('seller_id').notNull(),
    orderId: integer('order_id').notNull(),
    orderLineId: integer('order_line_id')
      .notNull()
      .references(() => salesOrderLines.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_holds_order_line_idx').on(t.orderLineId),
    index('unit_holds_order_idx').on(t.orderId),
    foreignKey({
      name: 'unit_holds_order_fk',
      columns: [t.orderId, t.sellerId],
      foreignColumns: [salesOrders.id, salesOrders.sellerId],
    }).onDelete('cascade'),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    number: integer('number').notNull(),
    orderId: integer('order_id').notNull(),
    paymentMethodId: integer('payment_method_id'),
    /** Snapshots, so later edits of the payment method do not rewrite issued invoices. */
    paymentMethodName: text('payment_method_name'),
    paymentInstructions: text('payment_instructions').notNull().default(''),
    /** Minor units (bigint: a large order passes 2^31); lines "to be quoted" count as zero and are marked. */
    total: bigint('total', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    issuedOn: date('issued_on').notNull().defaultNow(),
    dueOn: date('due_on').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    /** A void invoice keeps its number, shows as Void and no longer counts as invoiced. */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_seller_number_unique').on(t.sellerId, t.number),
    unique('invoices_id_seller_unique').on(t.id, t.sellerId),
    index('invoices_order_idx').on(t.orderId),
    foreignKey({
      name: 'invoices_order_fk',
      columns: [t.orderId, t.sellerId],
      foreignColumns: [salesOrders.id, salesOrders.sellerId],
    }),
    foreignKey({
      name: 'invoices_payment_method_fk',
      columns: [t.paymentMethodId, t.sellerId],
      foreignColumns: [paymentMethods.id, paymentMethods.sellerId],
    }).onDelete('set null'),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    productId: integer('product_id').references(() => products.id),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    /** Null: to be quoted. */
    unitPrice: bigint('unit_price', { mode: 'number' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('invoice_lines_invoice_idx').on(t.invoiceId)],
);

/**
 * A credit against an issued invoice (part or all of what is left of it).
 * Numbered from the invoice counter, so invoices and credit notes never share a number.
 */
export const creditNotes = pgTable(
  'credit_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    number: integer('number').notNull(),
    invoiceId: integer('invoice_id').notNull(),
    /** Minor units, positive. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    reason: text('reason').notNull(),
    issuedOn: date('issued_on').notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credit_notes_seller_number_unique').on(t.sellerId, t.number),
    index('credit_notes_invoice_idx').on(t.invoiceId),
    check('credit_notes_amount_positive', sql`${t.amount} > 0`),
    foreignKey({
      name: 'credit_notes_invoice_fk',
      columns: [t.invoiceId, t.sellerId],
      foreignColumns: [invoices.id, invoices.sellerId],
    }),
  ],
);

export const documentKind = pgEnum('document_kind', ['sales_order', 'invoice', 'rma', 'quote']);

/** Next per-seller number of each kind of document; the row lock serializes numbering. */
export const documentCounters = pgTable(
  'document_counters',
  {
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    kind: documentKind('kind').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sellerId, t.kind] })],
);

export type OrderStatus = typeof orderStatuses.$inferSelect;
export type SalesChannel = typeof salesChannels.$inferSelect;
export type PaymentMethod = typeof paymentMethods.$inferSelect;
export type SalesOrder = typeof salesOrders.$inferSelect;
export type SalesOrderLine = typeof salesOrderLines.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type CreditNote = typeof creditNotes.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
