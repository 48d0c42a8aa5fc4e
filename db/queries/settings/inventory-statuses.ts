import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { inventoryStatuses, type InventoryStatus } from '@/db/schema';
import { inventoryStatusSchema, type InventoryStatusInput } from '@/lib/validation/catalogues';
import type { SettingsActor } from './access';
import { auditCatalogueChange, lockCatalogue, pageOffset } from './catalogue-helpers';
import { inventoryStatusUsage } from './usage';
import { changedFields, joinWithAnd, noInput, SettingsRefusal, settingsWrite } from './write';

export async function listInventoryStatuses(db: DbOrTx, params: { sellerId: number; page?: number }) {
  const { page, limit, offset } = pageOffset(params.page);
  const where = eq(inventoryStatuses.sellerId, params.sellerId);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(inventoryStatuses)
      .where(where)
      .orderBy(asc(inventoryStatuses.position), asc(inventoryStatuses.name), asc(inventoryStatuses.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(inventoryStatuses).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: limit };
}

export async function findInventoryStatus(db: DbOrTx, params: { sellerId: number; statusId: number }) {
  const [row] = await db
    .select()
    .from(inventoryStatuses)
    .where(and(eq(inventoryStatuses.id, params.statusId), eq(inventoryStatuses.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

async function refuseDuplicate(tx: DbOrTx, sellerId: number, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: inventoryStatuses.id })
    .from(inventoryStatuses)
    .where(
      and(
        eq(inventoryStatuses.sellerId, sellerId),
        exceptId ? ne(inventoryStatuses.id, exceptId) : undefined,
        sql`lower(${inventoryStatuses.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  if (clash) {
    const message = `An inventory status named "${name}" already exists.`;
    throw new SettingsRefusal(message, { name: [message] });
  }
}

/** Left empty, a new status goes to the end of the list. */
async function nextPosition(tx: Tx, sellerId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${inventoryStatuses.position})` })
    .from(inventoryStatuses)
    .where(eq(inventoryStatuses.sellerId, sellerId));
  return row?.max == null ? 0 : Number(row.max) + 1;
}

const duplicateMessage = 'An inventory status with that name already exists.';

export function createInventoryStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: InventoryStatusInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: inventoryStatusSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (s: InventoryStatus) => `Inventory status ${s.name} added.`,
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'inventory_status', params.sellerId);
      await refuseDuplicate(tx, params.sellerId, values.name);
      const position = values.position ?? (await nextPosition(tx, params.sellerId));
      const [row] = await tx
        .insert(inventoryStatuses)
        .values({ sellerId: params.sellerId, name: values.name, position })
        .returning();
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'inventory_status',
        change: 'create',
        entityId: row!.id,
        subject: `Inventory status ${row!.name}`,
        after: { name: row!.name, position },
      });
      return row!;
    },
  );
}

export function updateInventoryStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; statusId: number; input: InventoryStatusInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: inventoryStatusSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (r: { changed: boolean }) => (r.changed ? 'Inventory status saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'inventory_status', params.sellerId);
      const current = await findInventoryStatus(tx, params);
      if (!current) throw new SettingsRefusal('That inventory status was not found.');
      await refuseDuplicate(tx, params.sellerId, values.name, current.id);
      const next = { name: values.name, position: values.position ?? current.position };
      const diff = changedFields({ name: current.name, position: current.position }, next);
      if (!diff.changed) return { changed: false };
      await tx
        .update(inventoryStatuses)
        .set(next)
        .where(and(eq(inventoryStatuses.id, current.id), eq(inventoryStatuses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'inventory_status',
        change: 'update',
        entityId: current.id,
        subject: `Inventory status ${next.name}`,
        before: diff.before,
        after: diff.after,
      });
      return { changed: true };
    },
  );
}

export function deleteInventoryStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; statusId: number },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: noInput,
      input: {},
      onForeignKeyViolation: 'That inventory status came into use while deleting it, so it was kept.',
      successMessage: (s: { name: string }) => `Inventory status ${s.name} deleted.`,
    },
    async (tx) => {
      await lockCatalogue(tx, 'inventory_status', params.sellerId);
      const current = await findInventoryStatus(tx, params);
      if (!current) throw new SettingsRefusal('That inventory status was not found.');
      const uses = await inventoryStatusUsage(tx, params.sellerId, current.id);
      if (uses.length) {
        throw new SettingsRefusal(`Inventory status ${current.name} ${joinWithAnd(uses)}, so it can't be deleted.`);
      }
      await tx
        .delete(inventoryStatuses)
        .where(and(eq(inventoryStatuses.id, current.id), eq(inventoryStatuses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'inventory_status',
        change: 'delete',
        entityId: current.id,
        subject: `Inventory status ${current.name}`,
        before: { name: current.name, position: current.position },
      });
      return { name: current.name };
    },
  );
}
