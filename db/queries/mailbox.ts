import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailMessages } from '@/db/schema';

/**
 * Who may read the development mailbox: everyone in development; in a
 * production build without an email provider, staff see their own seller's
 * mail, and the links meant for staff accounts only when they are an owner or
 * the recipient (so a staff user cannot take over a colleague's account).
 */
export type MailboxScope = { kind: 'all' } | { kind: 'seller'; sellerId: number; viewerEmail: string; isOwner: boolean };

function visibleTo(scope: MailboxScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  return and(
    eq(emailMessages.sellerId, scope.sellerId),
    scope.isOwner
      ? undefined
      : sql`(${emailMessages.kind} not like 'staff\\_%' or lower(${emailMessages.recipient}) = ${scope.viewerEmail.toLowerCase()})`,
  );
}

export async function listMailbox(
  db: DbOrTx,
  params: { scope: MailboxScope; to?: string; page: number; pageSize: number },
) {
  const where = and(
    visibleTo(params.scope),
    params.to ? sql`lower(${emailMessages.recipient}) = ${params.to.trim().toLowerCase()}` : undefined,
  );
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
