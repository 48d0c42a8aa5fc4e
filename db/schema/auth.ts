import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { sellers, staffUsers } from './sellers';
import { portalAccounts } from './customers';

export const tokenPurpose = pgEnum('token_purpose', ['activation', 'sign_in', 'password_reset', 'email_change']);

/**
 * One-time links (activation, sign-in, password reset, a new email address to
 * confirm). Only the SHA-256 of the token is stored; a token is used once, by a
 * POST, never by opening the link.
 */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    tokenHash: text('token_hash').notNull(),
    purpose: tokenPurpose('purpose').notNull(),
    staffUserId: integer('staff_user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
    portalAccountId: integer('portal_account_id').references(() => portalAccounts.id, {
      onDelete: 'cascade',
    }),
    /** For `email_change`: the address the account moves to once the link is used. */
    newEmail: text('new_email'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a newer link of the same purpose replaced this one. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('auth_tokens_hash_unique').on(t.tokenHash),
    index('auth_tokens_staff_idx').on(t.staffUserId),
    index('auth_tokens_portal_account_idx').on(t.portalAccountId),
    check(
      'auth_tokens_one_subject',
      sql`(${t.staffUserId} is null) <> (${t.portalAccountId} is null)`,
    ),
  ],
);

/**
 * Fixed-window counters for abuse limits, in the database so that every app
 * instance shares them. `key` is e.g. `sign-in:email:acme:a@b.c`.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
});

export type AuthToken = typeof authTokens.$inferSelect;
export type TokenPurpose = (typeof tokenPurpose.enumValues)[number];
