import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { logger } from '@/lib/logging/logger';
import type { EmailTransport } from './transport';

export const DISPATCH_DEFAULTS = {
  batchSize: 20,
  /** How long a claimed message stays ours; longer than a send can take (30 s timeout). */
  lockSeconds: 120,
  /** After this many attempts the message is marked failed and left for a person to look at. */
  maxAttempts: 8,
};

/** 30 s, 1 min, 2 min, 4 min … capped at one hour (the base is EMAIL_RETRY_BASE_SECONDS). */
export function retryDelaySeconds(attempts: number, baseSeconds = 30): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 60 * 60);
}

type Claimed = {
  id: number;
  kind: string;
  recipient: string;
  subject: string;
  html: string;
  text: string;
  attempts: number;
  /** The seller's name as its emails show it (the portal's display name, else the seller's), null for system mail. */
  sender_name: string | null;
  /** The seller's contact email (Settings > Company): where buyers' replies go. */
  reply_to: string | null;
};

export type DispatchReport = { sent: number[]; retried: number[]; failed: number[] };

/**
 * Sends the queued emails that are due (retry time and `send_after` both
 * passed: a bulk invitation spreads its messages out that way). Messages are claimed with one UPDATE
 * over `FOR UPDATE SKIP LOCKED` that also sets `locked_until` and counts the
 * attempt, so several app instances (or two calls in one) never take the same
 * message; a claim left by a crashed instance expires. A refused send is
 * retried with exponential backoff and recorded (attempts, last_error); after
 * `maxAttempts` it is marked failed.
 *
 * Each outcome is one log line (`email sent`, `email retry`, `email failed`)
 * with the message id, kind and attempt; never the recipient or the body,
 * which hold one-time links.
 */
export async function dispatchDueEmails(
  db: DbOrTx,
  options: { transport: EmailTransport; now?: Date; batchSize?: number; maxAttempts?: number; lockSeconds?: number; retryBaseSeconds?: number },
): Promise<DispatchReport> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + (options.lockSeconds ?? DISPATCH_DEFAULTS.lockSeconds) * 1000).toISOString();
  const maxAttempts = options.maxAttempts ?? DISPATCH_DEFAULTS.maxAttempts;
  const claimed = await queryRows<Claimed>(
    db,
    sql`
      update email_messages m
      set locked_until = ${lockedUntil}::timestamptz, attempts = m.attempts + 1
      where m.id in (
        select id from email_messages
        where status = 'queued' and next_attempt_at <= ${now.toISOString()}::timestamptz
          and send_after <= ${now.toISOString()}::timestamptz
          and (locked_until is null or locked_until <= ${now.toISOString()}::timestamptz)
        order by next_attempt_at, id
        limit ${options.batchSize ?? DISPATCH_DEFAULTS.batchSize}
        for update skip locked)
      returning m.id, m.kind, m.recipient, m.subject, m.html, m.text, m.attempts,
        (select coalesce(nullif(ps.display_name, ''), s.name) from sellers s left join portal_settings ps on ps.seller_id = s.id
          where s.id = m.seller_id) as sender_name,
        (select s.contact_email from sellers s where s.id = m.seller_id) as reply_to`,
  );

  const report: DispatchReport = { sent: [], retried: [], failed: [] };
  for (const message of claimed) {
    // Only the holder of this claim may record its outcome.
    const ours = sql`id = ${message.id} and locked_until = ${lockedUntil}::timestamptz`;
    try {
      const { providerMessageId } = await options.transport.send({
        to: message.recipient,
        subject: message.subject,
        html: message.html,
        text: message.text,
        fromName: message.sender_name,
        replyTo: message.reply_to,
        idempotencyKey: `tradepost-email-${message.id}`,
      });
      await db.execute(sql`
        update email_messages set status = 'sent', sent_at = ${now.toISOString()}::timestamptz,
          provider_message_id = ${providerMessageId}, last_error = null, locked_until = null
        where ${ours}`);
      report.sent.push(message.id);
      logger.info({ emailId: message.id, kind: message.kind, attempt: Number(message.attempts), providerMessageId }, 'email sent');
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const attempts = Number(message.attempts);
      if (attempts >= maxAttempts) {
        await db.execute(sql`
          update email_messages set status = 'failed', last_error = ${lastError}, locked_until = null where ${ours}`);
        report.failed.push(message.id);
        logger.error({ emailId: message.id, kind: message.kind, attempt: attempts, error: lastError }, 'email failed');
      } else {
        const next = new Date(now.getTime() + retryDelaySeconds(attempts, options.retryBaseSeconds) * 1000).toISOString();
        await db.execute(sql`
          update email_messages set last_error = ${lastError}, next_attempt_at = ${next}::timestamptz, locked_until = null
          where ${ours}`);
        report.retried.push(message.id);
        logger.warn({ emailId: message.id, kind: message.kind, attempt: attempts, nextAttemptAt: next, error: lastError }, 'email retry');
      }
    }
  }
  return report;
}
