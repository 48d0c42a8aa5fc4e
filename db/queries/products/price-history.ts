import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries } from '@/db/schema';

/** The latest list price changes of one product, from the audit log. */
export async function productPriceHistory(db: DbOrTx, params: { sellerId: number; productId: number; limit?: number }) {
  const rows = await db
    .select({ id: auditEntries.id, actor: auditEntries.actorLabel, details: auditEntries.details, at: auditEntries.createdAt })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, params.sellerId),
        eq(auditEntries.entityType, 'product'),
        eq(auditEntries.entityId, params.productId),
        eq(auditEntries.action, 'product.price'),
      ),
    )
    .orderBy(desc(auditEntries.id))
    .limit(params.limit ?? 10);
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    at: r.at,
    from: typeof r.details.from === 'number' ? r.details.from : null,
    to: typeof r.details.to === 'number' ? r.details.to : null,
    source: typeof r.details.source === 'string' ? r.details.source : 'edit',
  }));
}
