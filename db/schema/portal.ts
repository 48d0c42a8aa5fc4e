import {
  bigint,
  boolean,
  check,
  customType,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers, staffUsers } from './sellers';
import { inventoryStatuses, warehouses } from './catalog';
import { orderStatuses, paymentMethods, salesChannels } from './orders';
import { DEFAULT_BRAND_COLOR } from '../../lib/brand';

/** Settings > Integrations > Customer Portal: one row per seller. */
export const portalSettings = pgTable(
  'portal_settings',
  {
    sellerId: integer('seller_id')
      .primaryKey()
      .references(() => sellers.id),
    enabled: boolean('enabled').notNull().default(false),
    initialOrderStatusId: integer('initial_order_status_id'),
    salesChannelId: integer('sales_channel_id'),
    autoInvoice: boolean('auto_invoice').notNull().default(false),
    hideUnpriced: boolean('hide_unpriced').notNull().default(false),
    /** Buyers may add a shipping address to their organization at checkout. */
    buyersMayAddAddresses: boolean('buyers_may_add_addresses').notNull().default(false),
    /** Buyers may pick exact units (IMEI tail, condition) on a product page; picked units are held at checkout. */
    buyersMayPickUnits: boolean('buyers_may_pick_units').notNull().default(false),
    displayName: text('display_name'),
    /**
     * Legacy: logos were stored here as data: URLs. Nothing writes it any more;
     * startup moves what is left into portal_logos (db/queries/settings/legacy-logos.ts).
     */
    logoDataUrl: text('logo_data_url'),
    brandColor: text('brand_color').notNull().default(DEFAULT_BRAND_COLOR),
    /** Days after the order date within which a return may be requested; null: no limit. */
    returnWindowDays: integer('return_window_days'),
    invoiceDueDays: integer('invoice_due_days').notNull().default(30),
    /** Where buyers send returned devices (several lines); null: the portal says to contact the seller. */
    returnAddress: text('return_address'),
    /** Days from when an RMA is opened within which the devices should be sent back. */
    returnShipDays: integer('return_ship_days').notNull().default(14),
    /** The smallest order total checkout takes, minor units; null: no minimum. */
    minOrderValue: bigint('min_order_value', { mode: 'number' }),
    /** How available quantities are shown to buyers (lib/portal/quantity-display.ts). */
    quantityDisplay: text('quantity_display', { enum: ['exact', 'capped', 'hidden'] }).notNull().default('exact'),
    /** Under "capped": from this quantity on, buyers see "50+". */
    quantityCap: integer('quantity_cap').notNull().default(50),
    /**
     * Sellable rules: condition states that never count toward For Sale, applied in
     * the availability predicate like the chosen statuses and warehouses (0018_sellable.sql).
     */
    hideBlacklisted: boolean('hide_blacklisted').notNull().default(false),
    /** Blacklist status not checked yet. */
    hideUnknownBlacklist: boolean('hide_unknown_blacklist').notNull().default(false),
    /** Activation lock, MDM or FRP on. */
    hideActivationLocked: boolean('hide_activation_locked').notNull().default(false),
    hideFailedTest: boolean('hide_failed_test').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'portal_settings_initial_status_fk',
      columns: [t.initialOrderStatusId, t.sellerId],
      foreignColumns: [orderStatuses.id, orderStatuses.sellerId],
    }),
    foreignKey({
      name: 'portal_settings_channel_fk',
      columns: [t.salesChannelId, t.sellerId],
      foreignColumns: [salesChannels.id, salesChannels.sellerId],
    }),
    check(
      'portal_settings_return_window',
      sql`${t.returnWindowDays} is null or ${t.returnWindowDays} >= 0`,
    ),
    check('portal_settings_return_ship_days', sql`${t.returnShipDays} between 1 and 365`),
    check('portal_settings_min_order_value', sql`${t.minOrderValue} is null or ${t.minOrderValue} > 0`),
    check('portal_settings_quantity_display', sql`${t.quantityDisplay} in ('exact', 'capped', 'hidden')`),
    check('portal_settings_quantity_cap', sql`${t.quantityCap} between 1 and 1000000`),
    check('portal_settings_brand_color', sql`${t.brandColor} ~ '^#[0-9a-fA-F]{6}$'`),
  ],
);

/** Binary data: a Buffer from postgres.js, a Uint8Array from PGlite; a Uint8Array to the app. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value),
});

/**
 * The seller's portal logo as served: a PNG re-encoded at upload to fit
 * 600×200 (lib/settings/logo.ts), never the uploaded file. Its own table, so
 * the settings row read on every portal page does not carry the image.
 */
export const portalLogos = pgTable(
  'portal_logos',
  {
    sellerId: integer('seller_id')
      .primaryKey()
      .references(() => sellers.id),
    /** SHA-256 of `png` in hex; the logo's URL names it, so a new logo is a new URL. */
    sha256: text('sha256').notNull(),
    png: bytea('png').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('portal_logos_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('portal_logos_size', sql`${t.width} between 1 and 600 and ${t.height} between 1 and 200 and octet_length(${t.png}) <= 524288`),
  ],
);

/** Inventory statuses that count toward the For Sale page. */
export const portalForSaleStatuses = pgTable(
  'portal_for_sale_statuses',
  {
    sellerId: integer('seller_id').notNull(),
    statusId: integer('status_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.statusId] }),
    foreignKey({
      name: 'portal_for_sale_statuses_status_fk',
      columns: [t.statusId, t.sellerId],
      foreignColumns: [inventoryStatuses.id, inventoryStatuses.sellerId],
    }),
  ],
);

/** Warehouses whose stock counts toward the For Sale page. */
export const portalForSaleWarehouses = pgTable(
  'portal_for_sale_warehouses',
  {
    sellerId: integer('seller_id').notNull(),
    warehouseId: integer('warehouse_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.warehouseId] }),
    foreignKey({
      name: 'portal_for_sale_warehouses_warehouse_fk',
      columns: [t.warehouseId, t.sellerId],
      foreignColumns: [warehouses.id, warehouses.sellerId],
    }),
  ],
);

/** Payment methods offered at checkout. */
export const portalPaymentMethods = pgTable(
  'portal_payment_methods',
  {
    sellerId: integer('seller_id').notNull(),
    paymentMethodId: integer('payment_method_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.paymentMethodId] }),
    foreignKey({
      name: 'portal_payment_methods_method_fk',
      columns: [t.paymentMethodId, t.sellerId],
      foreignColumns: [paymentMethods.id, paymentMethods.sellerId],
    }),
  ],
);

export type PortalSettings = typeof portalSettings.$inferSelect;
export type PortalLogo = typeof portalLogos.$inferSelect;

/**
 * Staff chosen to receive the "new portal order" email. No row: the seller's
 * active owners receive it (the behaviour before the choice existed).
 */
export const portalOrderRecipients = pgTable(
  'portal_order_recipients',
  {
    sellerId: integer('seller_id').notNull(),
    staffUserId: integer('staff_user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sellerId, t.staffUserId] }),
    foreignKey({
      name: 'portal_order_recipients_staff_fk',
      columns: [t.staffUserId, t.sellerId],
      foreignColumns: [staffUsers.id, staffUsers.sellerId],
    }).onDelete('cascade'),
  ],
);

export type PortalOrderRecipient = typeof portalOrderRecipients.$inferSelect;
