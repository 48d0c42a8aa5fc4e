import { count, desc, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailMessages } from '@/db/schema';

/** The development mailbox: every message of every seller, newest first (only `next dev` has the page). */
export async function listMailbox(
  db: DbOrTx,
  params: { to?: string; page: number; pageSize: number },
) {
  const where = params.to ? sql`lower(${emailMessages.recipient}) = ${params.to.trim().toLowerCase()}` : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(emailMessages)
      .where(where)
      .orderBy(desc(emailMessages.id))
      .limit(params.pageSize)
      .offset((params.page - 1) * params.pageSize),
    db.select({ n: count() }).from(emailMessages).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The links in a message's text part, to click in the mailbox. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}
