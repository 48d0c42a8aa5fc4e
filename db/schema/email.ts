import { index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sellers } from './sellers';

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'failed']);

/**
 * The outbox: every email is written here in the transaction of the change that
 * causes it, then sent by the dispatcher, which retries with backoff.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sellerId: integer('seller_id').references(() => sellers.id),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: emailStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Not sent before this time: a bulk invitation staggers its messages so the outbox never sends a burst. */
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    /** Set while a dispatcher holds the message, so two instances never send it twice. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    providerMessageId: text('provider_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_messages_due_idx').on(t.status, t.nextAttemptAt),
    index('email_messages_seller_created_idx').on(t.sellerId, t.createdAt),
  ],
);

export type EmailMessage = typeof emailMessages.$inferSelect;
