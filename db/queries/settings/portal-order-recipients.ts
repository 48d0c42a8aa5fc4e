import { and, asc, eq, exists, inArray, notExists, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { portalOrderRecipients, staffUsers } from '@/db/schema';

/**
 * Who receives the "new portal order" email: the staff users chosen in
 * Customer Portal settings who are active; with none chosen (or none of them
 * active any more) the seller's active owners, as before the choice existed.
 */
export async function portalOrderRecipientEmails(db: DbOrTx, params: { sellerId: number }): Promise<{ email: string }[]> {
  const { sellerId } = params;
  // One statement (checkout reads it inside its transaction): the chosen active staff, else the active owners.
  const chosen = db
    .select({ one: sql`1` })
    .from(portalOrderRecipients)
    .where(and(eq(portalOrderRecipients.sellerId, sellerId), eq(portalOrderRecipients.staffUserId, staffUsers.id)));
  const activeChosen = db
    .select({ one: sql`1` })
    .from(portalOrderRecipients)
    .innerJoin(staffUsers, and(eq(staffUsers.id, portalOrderRecipients.staffUserId), eq(staffUsers.sellerId, sellerId)))
    .where(and(eq(portalOrderRecipients.sellerId, sellerId), eq(staffUsers.status, 'active')));
  return db
    .select({ email: staffUsers.email })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.sellerId, sellerId),
        eq(staffUsers.status, 'active'),
        or(exists(chosen), and(eq(staffUsers.role, 'owner'), notExists(activeChosen))),
      ),
    )
    .orderBy(asc(staffUsers.id));
}

export async function chosenRecipientIds(db: DbOrTx, sellerId: number): Promise<number[]> {
  const rows = await db
    .select({ id: portalOrderRecipients.staffUserId })
    .from(portalOrderRecipients)
    .where(eq(portalOrderRecipients.sellerId, sellerId));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Stores the chosen recipients (already normalized by the settings save: none means the owners). */
export async function writePortalOrderRecipients(tx: Tx, params: { sellerId: number; staffUserIds: number[] }) {
  const { sellerId } = params;
  const next = [...new Set(params.staffUserIds)];
  const before = await chosenRecipientIds(tx, sellerId);
  const removed = before.filter((id) => !next.includes(id));
  const added = next.filter((id) => !before.includes(id));
  if (removed.length) {
    await tx.delete(portalOrderRecipients).where(and(eq(portalOrderRecipients.sellerId, sellerId), inArray(portalOrderRecipients.staffUserId, removed)));
  }
  if (added.length) await tx.insert(portalOrderRecipients).values(added.map((staffUserId) => ({ sellerId, staffUserId })));
}
