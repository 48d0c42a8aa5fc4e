import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { sellers } from './sellers';
import { salesOrderLines } from './orders';

export const warehouses = pgTable(
  'warehouses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    code: text('code').notNull(),
  },
  (t) => [
    uniqueIndex('warehouses_seller_code_unique').on(t.sellerId, sql`lower(${t.code})`),
    unique('warehouses_id_seller_unique').on(t.id, t.sellerId),
  ],
);

export const inventoryStatuses = pgTable(
  'inventory_statuses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    uniqueIndex('inventory_statuses_seller_name_unique').on(t.sellerId, sql`lower(${t.name})`),
    unique('inventory_statuses_id_seller_unique').on(t.id, t.sellerId),
  ],
);

/** A sellable variation: one row of the For Sale page. */
export const products = pgTable(
  'products',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    sku: text('sku').notNull(),
    manufacturer: text('manufacturer').notNull(),
    model: text('model').notNull(),
    capacity: text('capacity').notNull().default(''),
    color: text('color').notNull().default(''),
    network: text('network').notNull().default(''),
    grade: text('grade').notNull().default(''),
    /** Minor units of the seller's currency; null means "price on request". */
    listPrice: bigint('list_price', { mode: 'number' }),
    /** Minimum order quantity per cart line (MOQ). */
    minOrderQuantity: integer('min_order_quantity').notNull().default(1),
    /** The line's quantity must be a multiple of this (sold in packs of N). */
    orderIncrement: integer('order_increment').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_seller_sku_unique').on(t.sellerId, sql`lower(${t.sku})`),
    unique('products_id_seller_unique').on(t.id, t.sellerId),
    index('products_seller_model_idx').on(t.sellerId, t.manufacturer, t.model),
    check('products_list_price_nonnegative', sql`${t.listPrice} is null or ${t.listPrice} >= 0`),
    check('products_min_order_quantity', sql`${t.minOrderQuantity} between 1 and 1000000`),
    check('products_order_increment', sql`${t.orderIncrement} between 1 and 1000000`),
  ],
);

/**
 * One serialized unit. `order_line_id` set means committed to an order, which
 * takes it out of availability. Composite foreign keys pin product, warehouse
 * and status to the device's own seller.
 */
export const devices = pgTable(
  'devices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    imei: varchar('imei', { length: 15 }),
    serial: text('serial'),
    productId: integer('product_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
    statusId: integer('status_id').notNull(),
    /** Minor units. */
    cost: bigint('cost', { mode: 'number' }),
    receivedOn: date('received_on').notNull().defaultNow(),
    orderLineId: integer('order_line_id').references(() => salesOrderLines.id),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    // Condition data (lib/device-condition.ts names the values).
    /** Battery health in percent; null when not measured. */
    batteryHealth: smallint('battery_health'),
    batteryCycles: integer('battery_cycles'),
    carrierLock: text('carrier_lock').notNull().default('unknown'),
    /** The carrier a locked device is locked to. */
    carrier: text('carrier'),
    blacklistStatus: text('blacklist_status').notNull().default('unknown'),
    /** Activation lock (iCloud / Find My). */
    activationLock: text('activation_lock').notNull().default('unknown'),
    mdmLock: text('mdm_lock').notNull().default('unknown'),
    /** Factory reset protection (Google account). */
    frpLock: text('frp_lock').notNull().default('unknown'),
    /** pass, fail, or null when not tested. */
    functionalTest: text('functional_test'),
    failedChecks: text('failed_checks').array().notNull().default(sql`'{}'::text[]`),
    cosmeticNotes: text('cosmetic_notes'),
    testedAt: timestamp('tested_at', { withTimezone: true }),
    /** Who or what tested it: a diagnostics tool's name, or "manual". */
    testSource: text('test_source'),
    /**
     * The condition as it was when the device was committed to its order (what the buyer
     * bought), kept by a trigger on every write of `order_line_id`; null while uncommitted.
     * Later edits of the condition leave it alone. Keys as in `DeviceCondition`.
     */
    soldCondition: jsonb('sold_condition').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('devices_seller_imei_unique').on(t.sellerId, t.imei),
    uniqueIndex('devices_seller_serial_unique').on(t.sellerId, sql`lower(${t.serial})`),
    index('devices_product_idx').on(t.productId),
    index('devices_order_line_idx').on(t.orderLineId),
    // Back-office inventory list: keyset pages, latest received first
    // (`(received_on, id) < cursor order by received_on desc, id desc`), read in index
    // order without sorting. Only these indexes give that order, so the planner never
    // walks the primary key across other sellers' devices. The trailing columns let
    // product, status, warehouse and committed filters run on the index alone.
    index('devices_seller_received_idx').on(t.sellerId, t.receivedOn, t.id, t.productId, t.statusId, t.warehouseId, t.orderLineId),
    index('devices_seller_status_warehouse_idx').on(t.sellerId, t.statusId, t.warehouseId, t.receivedOn, t.id),
    // Searching by the last digits of an IMEI or serial is a prefix range on the reversed value.
    index('devices_seller_imei_reverse_idx')
      .on(t.sellerId, sql`reverse(${t.imei})`)
      .where(sql`${t.imei} is not null`),
    index('devices_seller_serial_reverse_idx')
      .on(t.sellerId, sql`reverse(lower(${t.serial}))`)
      .where(sql`${t.serial} is not null`),
    index('devices_uncommitted_idx')
      .on(t.sellerId, t.productId, t.statusId, t.warehouseId)
      .where(sql`${t.orderLineId} is null`),
    check('devices_identified', sql`${t.imei} is not null or ${t.serial} is not null`),
    check('devices_imei_format', sql`${t.imei} is null or ${t.imei} ~ '^[0-9]{15}$'`),
    check('devices_battery_health', sql`${t.batteryHealth} is null or ${t.batteryHealth} between 0 and 100`),
    check('devices_battery_cycles', sql`${t.batteryCycles} is null or ${t.batteryCycles} between 0 and 100000`),
    check('devices_carrier_lock', sql`${t.carrierLock} in ('unlocked', 'locked', 'unknown')`),
    check('devices_blacklist_status', sql`${t.blacklistStatus} in ('clean', 'blacklisted', 'unknown')`),
    check('devices_activation_lock', sql`${t.activationLock} in ('off', 'on', 'unknown')`),
    check('devices_mdm_lock', sql`${t.mdmLock} in ('off', 'on', 'unknown')`),
    check('devices_frp_lock', sql`${t.frpLock} in ('off', 'on', 'unknown')`),
    check('devices_functional_test', sql`${t.functionalTest} is null or ${t.functionalTest} in ('pass', 'fail')`),
    foreignKey({
      name: 'devices_product_fk',
      columns: [t.productId, t.sellerId],
      foreignColumns: [products.id, products.sellerId],
    }),
    foreignKey({
      name: 'devices_warehouse_fk',
      columns: [t.warehouseId, t.sellerId],
      foreignColumns: [warehouses.id, warehouses.sellerId],
    }),
    foreignKey({
      name: 'devices_status_fk',
      columns: [t.statusId, t.sellerId],
      foreignColumns: [inventoryStatuses.id, inventoryStatuses.sellerId],
    }),
  ],
);

/**
 * A diagnostics CSV on its way in: the browser sends it in chunks (a file of 100,000
 * rows does not fit one request), each checked and kept here, and the import then
 * applies every chunk in one transaction and deletes them. Scoped to the seller and
 * the staff user who uploaded it.
 */
export const deviceConditionUploadChunks = pgTable(
  'device_condition_upload_chunks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    staffUserId: integer('staff_user_id').notNull(),
    /** Chosen by the browser (a random UUID) for one file. */
    uploadKey: text('upload_key').notNull(),
    position: integer('position').notNull(),
    /** The mapped rows of this chunk as the browser read them (cells as text). */
    rows: jsonb('rows').notNull().$type<unknown[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('device_condition_upload_chunks_unique').on(t.sellerId, t.staffUserId, t.uploadKey, t.position)],
);

/**
 * Available quantity per product under the seller's current For Sale settings
 * (chosen statuses, chosen warehouses, not committed). Kept by statement-level
 * triggers on devices and rebuilt when the settings change, so the For Sale
 * page reads one row per product whatever the number of devices.
 */
export const productAvailability = pgTable(
  'product_availability',
  {
    productId: integer('product_id')
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    quantity: integer('quantity').notNull().default(0),
  },
  (t) => [
    index('product_availability_seller_available_idx')
      .on(t.sellerId, t.productId)
      .where(sql`${t.quantity} > 0`),
    check('product_availability_nonnegative', sql`${t.quantity} >= 0`),
  ],
);

/**
 * The same availability split by condition: one row per product, battery band
 * and carrier lock state (at most 4 × 3 per product), kept by the same triggers
 * in the same transaction. `product_availability.quantity` is always the sum of
 * a product's cells; For Sale's battery and lock filters sum the matching cells,
 * so they stay O(products) (0018_sellable.sql).
 */
export const productAvailabilityCells = pgTable(
  'product_availability_cells',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    /** lib/device-condition.ts `batteryBands`, from `tp_battery_band(battery_health)`. */
    batteryBand: text('battery_band').notNull(),
    carrierLock: text('carrier_lock').notNull(),
    quantity: integer('quantity').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.batteryBand, t.carrierLock] }),
    index('product_availability_cells_seller_idx')
      .on(t.sellerId, t.productId, t.batteryBand, t.carrierLock, t.quantity)
      .where(sql`${t.quantity} > 0`),
    check('product_availability_cells_nonnegative', sql`${t.quantity} >= 0`),
    check('product_availability_cells_band', sql`${t.batteryBand} in ('90-100', '80-89', '0-79', 'unknown')`),
    check('product_availability_cells_lock', sql`${t.carrierLock} in ('unlocked', 'locked', 'unknown')`),
  ],
);

/**
 * A per-seller number that every committed change to what For Sale shows
 * raises by one (availability, products, price lists, portal settings; deferred
 * triggers of 0012_catalog_versions.sql, at commit). For Sale caches a page under
 * the version it read, so a cached page is never older than the last commit.
 */
export const catalogVersions = pgTable('catalog_versions', {
  sellerId: integer('seller_id')
    .primaryKey()
    .references(() => sellers.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export type Warehouse = typeof warehouses.$inferSelect;
export type InventoryStatus = typeof inventoryStatuses.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Device = typeof devices.$inferSelect;
