import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sellers, staffUsers } from './sellers';

/** Who changed what setting, price, status or account, and when. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id')
      .notNull()
      .references(() => sellers.id),
    actorStaffId: integer('actor_staff_id').references(() => staffUsers.id),
    /** Shown as is: the staff member's name, "customer: …" or "system". */
    actorLabel: text('actor_label').notNull(),
    /** e.g. `portal_settings.update`, `product.price`, `order.status`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_entries_seller_created_idx').on(t.sellerId, t.createdAt),
    index('audit_entries_entity_idx').on(t.sellerId, t.entityType, t.entityId),
  ],
);

export type AuditEntry = typeof auditEntries.$inferSelect;
