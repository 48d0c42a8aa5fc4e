import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries } from '@/db/schema';

/** Audit entity types written by the settings pages. */
export const settingsEntityTypes = [
  'portal_settings',
  'company_profile',
  'warehouse',
  'inventory_status',
  'order_status',
  'sales_channel',
  'payment_method',
] as const;

export type SettingsEntityType = (typeof settingsEntityTypes)[number];

/** The latest settings changes of a seller (who, what, when), newest first. */
export async function recentSettingsChanges(
  db: DbOrTx,
  params: { sellerId: number; entityTypes?: readonly SettingsEntityType[]; entityId?: number; limit?: number },
) {
  return db
    .select({
      id: auditEntries.id,
      actorLabel: auditEntries.actorLabel,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      entityId: auditEntries.entityId,
      details: auditEntries.details,
      createdAt: auditEntries.createdAt,
    })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, params.sellerId),
        inArray(auditEntries.entityType, [...(params.entityTypes ?? settingsEntityTypes)]),
        params.entityId === undefined ? undefined : eq(auditEntries.entityId, params.entityId),
      ),
    )
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(Math.min(params.limit ?? 10, 100));
}

export type SettingsChange = Awaited<ReturnType<typeof recentSettingsChanges>>[number];
