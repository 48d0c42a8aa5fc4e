import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import * as s from '@/db/schema';
import { isRefusal } from '@/lib/refusal';
import type { SellerFixture } from './fixtures';

let sequence = 0;

/**
 * A command that throws a Refusal, read as the CLI reads it: the value with
 * `ok: true`, or `{ ok: false, error }` with the refusal's message.
 */
export async function commandResult<T extends object>(run: Promise<T>): Promise<({ ok: true } & T) | { ok: false; error: string }> {
  try {
    return { ok: true, ...(await run) };
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return { ok: false, error: error.message };
  }
}

/** A back-office user of a seller; active with a password hash unless told otherwise. */
export async function addStaffUser(
  db: Db,
  seller: SellerFixture,
  values: Partial<typeof s.staffUsers.$inferInsert> = {},
) {
  const [user] = await db
    .insert(s.staffUsers)
    .values({
      sellerId: seller.sellerId,
      name: `Staff ${++sequence}`,
      email: `staff${sequence}-${Math.random().toString(36).slice(2, 7)}@seller.test`,
      role: 'owner',
      status: 'active',
      ...values,
    })
    .returning();
  return user!;
}

/** The newest outbox message to an address. */
export async function latestEmailTo(db: Db, recipient: string) {
  const [message] = await db
    .select()
    .from(s.emailMessages)
    .where(eq(s.emailMessages.recipient, recipient))
    .orderBy(desc(s.emailMessages.id))
    .limit(1);
  return message ?? null;
}

export async function emailsTo(db: Db, recipient: string, kind?: string) {
  return db
    .select()
    .from(s.emailMessages)
    .where(and(eq(s.emailMessages.recipient, recipient), kind ? eq(s.emailMessages.kind, kind) : undefined))
    .orderBy(s.emailMessages.id);
}

/** The one-time link in an email's text part, and its token. */
export function linkIn(text: string): { url: URL; token: string } {
  const match = /https?:\/\/\S+token=[A-Za-z0-9_%-]+/.exec(text);
  if (!match) throw new Error(`No one-time link in:\n${text}`);
  const url = new URL(match[0]);
  return { url, token: url.searchParams.get('token')! };
}
