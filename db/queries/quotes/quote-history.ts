import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries } from '@/db/schema';
import { auditEntryColumns } from '../audit';

/** What happened to one quote, newest first: requested, each answer (and its replacements), withdrawn, accepted, declined. */
export function quoteHistory(db: DbOrTx, params: { sellerId: number; quoteId: number }) {
  return db
    .select(auditEntryColumns)
    .from(auditEntries)
    .where(and(eq(auditEntries.sellerId, params.sellerId), eq(auditEntries.entityType, 'quote'), eq(auditEntries.entityId, params.quoteId)))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(50);
}
