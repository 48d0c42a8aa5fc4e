import type { DbOrTx } from '@/db';
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
  await tx.insert(auditEntries).values({
    sellerId: entry.sellerId,
    actorStaffId: 'staffUserId' in entry.actor ? entry.actor.staffUserId : null,
    actorLabel: 'staffUserId' in entry.actor ? entry.actor.name : entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
  });
}
