import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { accountStatus, sellers } from './sellers';
import { priceLists } from './pricing';

export type PostalAddress = {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
};

/**
 * Where an order ships, as the order keeps it: a copy of the organization's
 * address taken when the order was placed, so later edits never change it.
 */
export type ShipTo = PostalAddress & {
  label: string;
  attention?: string;
  phone?: string;
};

/** A customer company of one seller. */
export const organizations = pgTable(
  'organizations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    /** The account code staff know the customer by (e.g. NW-001); the key an import creates or updates by. */
    code: text('code'),
    email: text('email'),
    phone: text('phone'),
    billingAddress: jsonb('billing_address').$type<PostalAddress>(),
    /** The organization's price list; null: list prices. */
    priceListId: integer('price_list_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organizations_id_seller_unique').on(t.id, t.sellerId),
    index('organizations_seller_name_idx').on(t.sellerId, t.name),
    uniqueIndex('organizations_seller_code_unique')
      .on(t.sellerId, sql`lower(${t.code})`)
      .where(sql`${t.code} is not null`),
    foreignKey({
      name: 'organizations_price_list_fk',
      columns: [t.priceListId, t.sellerId],
      foreignColumns: [priceLists.id, priceLists.sellerId],
    }),
  ],
);

/**
 * A buyer's sign-in at one seller's portal. The same email may hold accounts at
 * two sellers: they are separate accounts with separate passwords.
 */
export const portalAccounts = pgTable(
  'portal_accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    organizationId: integer('organization_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    status: accountStatus('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    /** Bumped to end every session of this account at once. */
    sessionVersion: integer('session_version').notNull().default(0),
    /** When the invitation was sent; null for a buyer imported and not yet invited. */
    invitedAt: timestamp('invited_at', { withTimezone: true }).defaultNow(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** For composite foreign keys that keep a row's account within its seller (quotes). */
    unique('portal_accounts_id_seller_unique').on(t.id, t.sellerId),
    uniqueIndex('portal_accounts_seller_email_unique').on(t.sellerId, sql`lower(${t.email})`),
    index('portal_accounts_organization_idx').on(t.organizationId),
    foreignKey({
      name: 'portal_accounts_organization_fk',
      columns: [t.organizationId, t.sellerId],
      foreignColumns: [organizations.id, organizations.sellerId],
    }),
  ],
);

/**
 * An organization's shipping addresses ("ship-to"). At most one is the default
 * (a partial unique index); the queries keep exactly one while any exist.
 * Checkout preselects the default and staff orders take it.
 */
export const organizationAddresses = pgTable(
  'organization_addresses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    organizationId: integer('organization_id').notNull(),
    /** How people tell the addresses apart: "Main warehouse", "Store 12". */
    label: text('label').notNull(),
    /** A person or department to deliver to. */
    attention: text('attention'),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code'),
    country: text('country').notNull(),
    phone: text('phone'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organization_addresses_organization_idx').on(t.organizationId),
    uniqueIndex('organization_addresses_one_default').on(t.organizationId).where(sql`${t.isDefault}`),
    foreignKey({
      name: 'organization_addresses_organization_fk',
      columns: [t.organizationId, t.sellerId],
      foreignColumns: [organizations.id, organizations.sellerId],
    }).onDelete('cascade'),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationAddress = typeof organizationAddresses.$inferSelect;
export type PortalAccount = typeof portalAccounts.$inferSelect;
