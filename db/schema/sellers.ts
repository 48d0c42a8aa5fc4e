import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A wholesaler account. Every other seller-owned row carries `seller_id`. */
export const sellers = pgTable(
  'sellers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** ISO 4217 code; all money of this seller is in its minor units. */
    currency: char('currency', { length: 3 }).notNull().default('USD'),
    /**
     * A host name such as `portal.acme.com` that serves this seller's portal at
     * its root, once `custom_domain_verified_at` is set: until then it is only
     * a claim, and the app neither serves it nor puts it in links.
     */
    customDomain: text('custom_domain'),
    /** The random value the seller publishes in a DNS TXT record to prove it owns `custom_domain`. */
    customDomainToken: text('custom_domain_token'),
    /** When that TXT record was found; null while the domain is pending. Reset whenever the domain changes. */
    customDomainVerifiedAt: timestamp('custom_domain_verified_at', { withTimezone: true }),
    /**
     * The company profile (Settings > Company), printed on every invoice, PDF and
     * email. Empty until staff fill it; `name` stays the display name.
     */
    legalName: text('legal_name'),
    /** Postal address, one line per line as it should print. */
    address: text('address'),
    /** Tax or VAT number as the seller's authority writes it. */
    taxId: text('tax_id'),
    /** Where buyers' replies go (Reply-To of every email) and what invoices print. */
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    /** BCP 47 locale of dates, money and numbers on every page, CSV, PDF and email. */
    locale: text('locale').notNull().default('en-US'),
    /** IANA time zone in which dates are shown. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Rows made by the demo seed; the seed refuses to touch anything else. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sellers_slug_unique').on(t.slug),
    // Unique among verified domains only: a pending claim cannot block the
    // domain's real owner, who proves it in DNS and wins.
    uniqueIndex('sellers_custom_domain_unique')
      .on(sql`lower(${t.customDomain})`)
      .where(sql`${t.customDomainVerifiedAt} is not null`),
  ],
);

export const staffRole = pgEnum('staff_role', ['owner', 'admin', 'staff']);
export const accountStatus = pgEnum('account_status', ['invited', 'active', 'disabled']);

/**
 * A back-office user. An email is unique within a seller only: a person may
 * work for several sellers with one account at each (sign-in checks the
 * password against each, db/queries/accounts.ts), and no seller can learn
 * who works for another by trying to invite them.
 */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: staffRole('role').notNull().default('staff'),
    status: accountStatus('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    /** Bumped to end every session of this user at once (disable, password reset). */
    sessionVersion: integer('session_version').notNull().default(0),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_users_seller_email_unique').on(t.sellerId, sql`lower(${t.email})`),
    // The target of composite foreign keys that keep a staff reference inside its seller.
    unique('staff_users_id_seller_unique').on(t.id, t.sellerId),
    // Sign-in looks staff up by email alone, across sellers.
    index('staff_users_email_idx').on(sql`lower(${t.email})`),
  ],
);

export type Seller = typeof sellers.$inferSelect;
export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = (typeof staffRole.enumValues)[number];
export type AccountStatus = (typeof accountStatus.enumValues)[number];
