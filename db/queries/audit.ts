import type { DbOrTx } from '@/db';
import { desc, eq, and, sql } from 'drizzle-orm';
import { auditEntries } from '@/db/schema';

/** A staff member as the audit log records them; staff actions get it built once. */
export type StaffActor = { staffUserId: number; name: string };

export type AuditActor = StaffActor | { label: string };

/** Records who changed what; call inside the transaction of the change. */
export async function recordAudit(
  tx: DbOrTx,
  entry: {
    sellerId: number;
    actor: AuditActor;
    action: string;
    entityType: string;
    entityId?: number | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudits(tx, [entry]);
}

type AuditEntryInput = Parameters<typeof recordAudit>[1];

/** Rows per audit insert: 7 parameters each, within PostgreSQL's 65,535 per statement. */
const AUDIT_BATCH = 5000;

/** Records many entries at once (an import), a batch of rows per statement; inside the transaction of the change. */
export async function recordAudits(tx: DbOrTx, entries: readonly AuditEntryInput[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    await tx.insert(auditEntries).values(
      entries.slice(i, i + AUDIT_BATCH).map((entry) => ({
        sellerId: entry.sellerId,
        actorStaffId: 'staffUserId' in entry.actor ? entry.actor.staffUserId : null,
        actorLabel: 'staffUserId' in entry.actor ? entry.actor.name : entry.actor.label,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        details: entry.details ?? {},
      })),
    );
  }
}

/**
 * What an entry is about, named for its sentence: the staff user's, portal
 * account's or organization's name, or the product's SKU, read in the same
 * statement as the entries (scoped to the entry's seller). Written with the
 * table's own name: Drizzle leaves columns unqualified inside a select, where
 * `seller_id` would bind to the subquery's table.
 */
export const auditSubjectName = sql<string | null>`case audit_entries.entity_type
  when 'staff_user' then (select s.name from staff_users s where s.id = audit_entries.entity_id and s.seller_id = audit_entries.seller_id)
  when 'portal_account' then (select a.name from portal_accounts a where a.id = audit_entries.entity_id and a.seller_id = audit_entries.seller_id)
  when 'organization' then (select o.name from organizations o where o.id = audit_entries.entity_id and o.seller_id = audit_entries.seller_id)
  when 'product' then (select p.sku from products p where p.id = audit_entries.entity_id and p.seller_id = audit_entries.seller_id)
  when 'price_list' then (select l.name from price_lists l where l.id = audit_entries.entity_id and l.seller_id = audit_entries.seller_id)
end`;

/** The organization of a portal account an entry is about, for its link. */
export const auditSubjectOrganizationId = sql<number | null>`case when audit_entries.entity_type = 'portal_account'
  then (select a.organization_id from portal_accounts a where a.id = audit_entries.entity_id and a.seller_id = audit_entries.seller_id) end`;

/** An audit entry as the history lists and the dashboard read it, with its subject's name. */
export const auditEntryColumns = {
  id: auditEntries.id,
  actorLabel: auditEntries.actorLabel,
  action: auditEntries.action,
  entityType: auditEntries.entityType,
  entityId: auditEntries.entityId,
  details: auditEntries.details,
  createdAt: auditEntries.createdAt,
  subjectName: auditSubjectName,
  subjectOrganizationId: auditSubjectOrganizationId,
};

/**
 * What happened with one customer, newest first: the organization itself, its
 * portal accounts, and its orders, RMAs and quotes (staff and buyer alike). One
 * statement, scoped to the seller; ids are read from the seller's own rows.
 */
export async function organizationHistory(db: DbOrTx, params: { sellerId: number; organizationId: number; limit?: number }) {
  const { sellerId, organizationId } = params;
  return db
    .select(auditEntryColumns)
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, sellerId),
        sql`(
          (audit_entries.entity_type = 'organization' and audit_entries.entity_id = ${organizationId})
          or (audit_entries.entity_type = 'portal_account' and audit_entries.entity_id in
              (select a.id from portal_accounts a where a.seller_id = ${sellerId} and a.organization_id = ${organizationId}))
          or (audit_entries.entity_type = 'sales_order' and audit_entries.entity_id in
              (select o.id from sales_orders o where o.seller_id = ${sellerId} and o.organization_id = ${organizationId}))
          or (audit_entries.entity_type = 'rma' and audit_entries.entity_id in
              (select r.id from rmas r where r.seller_id = ${sellerId} and r.organization_id = ${organizationId}))
          or (audit_entries.entity_type = 'quote' and audit_entries.entity_id in
              (select q.id from quotes q where q.seller_id = ${sellerId} and q.organization_id = ${organizationId}))
        )`,
      ),
    )
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(params.limit ?? 20);
}
