import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import type { SettingsActor } from './access';

/** Catalogue pages are short, but they still paginate in the database. */
export const CATALOGUE_PAGE_SIZE = 50;

export function pageOffset(page: number | undefined, pageSize = CATALOGUE_PAGE_SIZE) {
  const p = Number.isFinite(page) && page && page > 0 ? Math.floor(page) : 1;
  return { page: p, limit: pageSize, offset: (p - 1) * pageSize };
}

export type CatalogueKind = 'warehouse' | 'inventory_status' | 'order_status' | 'sales_channel' | 'payment_method';

/**
 * Serializes writes to one catalogue of one seller, so "is this name free?"
 * checked inside the transaction stays true until it commits.
 */
export async function lockCatalogue(tx: Tx, kind: CatalogueKind, sellerId: number): Promise<void> {
  const key = ['warehouse', 'inventory_status', 'order_status', 'sales_channel', 'payment_method'].indexOf(kind);
  await tx.execute(sql`select pg_advisory_xact_lock(${7200 + key}, ${sellerId})`);
}

/** One audit entry per catalogue change, with only the fields that changed. */
export async function auditCatalogueChange(
  tx: DbOrTx,
  entry: {
    sellerId: number;
    actor: SettingsActor;
    kind: CatalogueKind;
    change: 'create' | 'update' | 'delete';
    entityId: number;
    subject: string;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(tx, {
    sellerId: entry.sellerId,
    actor: { staffUserId: entry.actor.staffUserId, name: entry.actor.name },
    action: `${entry.kind}.${entry.change}`,
    entityType: entry.kind,
    entityId: entry.entityId,
    details: { subject: entry.subject, before: entry.before ?? {}, after: entry.after ?? {} },
  });
}
