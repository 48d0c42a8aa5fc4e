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
};

/**
 * Queues an email in the outbox. Call it with the transaction of the change
 * that causes the email, so both commit or neither does; the dispatcher sends it.
 */
export async function enqueueEmail(tx: DbOrTx, email: OutgoingEmail): Promise<number> {
  const [row] = await tx
    .insert(emailMessages)
    .values({
      sellerId: email.sellerId,
      kind: email.kind,
      recipient: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    })
    .returning({ id: emailMessages.id });
  return row!.id;
}
