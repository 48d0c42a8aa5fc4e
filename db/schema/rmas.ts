import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { devices } from './catalog';

export const rmaStatus = pgEnum('rma_status', [
  'requested',
  'open',
  'received',
  'resolved',
  'rejected',
  'cancelled',
]);
export const rmaResolution = pgEnum('rma_resolution', ['refund', 'credit']);
export const rmaDisposition = pgEnum('rma_disposition', ['return', 'keep_partial_refund']);

/** A return merchandise authorization for devices sold to one organization. */
export const rmas = pgTable(
  'rmas',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    number: integer('number').notNull(),
    organizationId: integer('organization_id').notNull(),
    status: rmaStatus('status').notNull().default('requested'),
    resolution: rmaResolution('resolution'),
    requestedByAccountId: integer('requested_by_account_id').references(() => portalAccounts.id),
    createdByStaffId: integer('created_by_staff_id').references(() => staffUsers.id),
    notes: text('notes'),
    /** Why staff rejected the whole RMA; shown to the buyer. Required when rejecting. */
    rejectionReason: text('rejection_reason'),
    /** The buyer who cancelled their own request while it was Requested. */
    cancelledByAccountId: integer('cancelled_by_account_id').references(() => portalAccounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rmas_seller_number_unique').on(t.sellerId, t.number),
    unique('rmas_id_seller_unique').on(t.id, t.sellerId),
    index('rmas_organization_idx').on(t.organizationId, t.createdAt),
    foreignKey({
      name: 'rmas_organization_fk',
      columns: [t.organizationId, t.sellerId],
      foreignColumns: [organizations.id, organizations.sellerId],
    }),
  ],
);

export const rmaLines = pgTable(
  'rma_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id').notNull(),
    rmaId: integer('rma_id').notNull(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id),
    disposition: rmaDisposition('disposition').notNull().default('return'),
    reason: text('reason').notNull(),
    /** Minor units. What staff approve (at first what was asked); refund totals follow it. */
    refundAmount: bigint('refund_amount', { mode: 'number' }).notNull().default(0),
    /** What the buyer asked for on a portal request; null on an RMA staff created. */
    requestedDisposition: rmaDisposition('requested_disposition'),
    /** Minor units the buyer asked for; null on an RMA staff created. */
    requestedRefundAmount: bigint('requested_refund_amount', { mode: 'number' }),
    /** Set when staff reject this one device (its refund is then 0); shown to the buyer. */
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    index('rma_lines_rma_idx').on(t.rmaId),
    index('rma_lines_device_idx').on(t.deviceId),
    check('rma_lines_refund_nonnegative', sql`${t.refundAmount} >= 0`),
    check('rma_lines_rejected_no_refund', sql`${t.rejectionReason} is null or ${t.refundAmount} = 0`),
    foreignKey({
      name: 'rma_lines_rma_fk',
      columns: [t.rmaId, t.sellerId],
      foreignColumns: [rmas.id, rmas.sellerId],
    }).onDelete('cascade'),
  ],
);

export type Rma = typeof rmas.$inferSelect;
export type RmaLine = typeof rmaLines.$inferSelect;
export type RmaStatus = (typeof rmaStatus.enumValues)[number];
export type RmaDisposition = (typeof rmaDisposition.enumValues)[number];
