import type { DbOrTx } from '@/db';
import { emailMessages } from '@/db/schema';

export type OutgoingEmail = {
  sellerId: number | null;
  /** What the message is, e.g. `invitation`, `invoice`, `sign_in_link`. */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Not sent before this time (default: as soon as the dispatcher runs). */
  sendAfter?: Date;
};

/** Rows per insert statement when many messages are queued at once. */
const BATCH = 500;

/**
 * Queues emails in the outbox, a batch of rows per statement. Call it with
 * the transaction of the change that causes them, so both commit or neither
 * does; the dispatcher sends them. Answers the message ids in order.
 */
export async function enqueueEmails(tx: DbOrTx, emails: readonly OutgoingEmail[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < emails.length; i += BATCH) {
    const rows = await tx
      .insert(emailMessages)
      .values(
        emails.slice(i, i + BATCH).map((email) => ({
          sellerId: email.sellerId,
          kind: email.kind,
          recipient: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          ...(email.sendAfter ? { sendAfter: email.sendAfter } : {}),
        })),
      )
      .returning({ id: emailMessages.id });
    // PostgreSQL returns the rows of a multi-row insert in the order of its values.
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Queues one email in the outbox, in the transaction of the change that causes it. */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<number> {
  const [id] = await enqueueEmails(tx, [email]);
  return id!;
}
