import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { warehouses, type Warehouse } from '@/db/schema';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalogues';
import type { SettingsActor } from './access';
import { auditCatalogueChange, lockCatalogue, pageOffset } from './catalogue-helpers';
import { warehouseUsage } from './usage';
import { changedFields, joinWithAnd, noInput, SettingsRefusal, settingsWrite } from './write';

export async function listWarehouses(db: DbOrTx, params: { sellerId: number; page?: number }) {
  const { page, limit, offset } = pageOffset(params.page);
  const where = eq(warehouses.sellerId, params.sellerId);
  const [rows, [total]] = await Promise.all([
    db.select().from(warehouses).where(where).orderBy(asc(warehouses.code), asc(warehouses.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(warehouses).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: limit };
}

export async function findWarehouse(db: DbOrTx, params: { sellerId: number; warehouseId: number }) {
  const [row] = await db
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, params.warehouseId), eq(warehouses.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

async function refuseDuplicates(
  tx: DbOrTx,
  sellerId: number,
  values: { name: string; code: string },
  exceptId?: number,
): Promise<void> {
  const others = and(eq(warehouses.sellerId, sellerId), exceptId ? ne(warehouses.id, exceptId) : undefined);
  const [byCode] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(others, sql`lower(${warehouses.code}) = lower(${values.code})`))
    .limit(1);
  if (byCode) {
    const message = `A warehouse with code ${values.code} already exists.`;
    throw new SettingsRefusal(message, { code: [message] });
  }
  const [byName] = await tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(others, sql`lower(${warehouses.name}) = lower(${values.name})`))
    .limit(1);
  if (byName) {
    const message = `A warehouse named "${values.name}" already exists.`;
    throw new SettingsRefusal(message, { name: [message] });
  }
}

const duplicateMessage = 'A warehouse with that code already exists.';

export function createWarehouse(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: WarehouseInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: warehouseSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (w: Warehouse) => `Warehouse ${w.code} added.`,
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'warehouse', params.sellerId);
      await refuseDuplicates(tx, params.sellerId, values);
      const [row] = await tx.insert(warehouses).values({ sellerId: params.sellerId, ...values }).returning();
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'warehouse',
        change: 'create',
        entityId: row!.id,
        subject: `Warehouse ${row!.code}`,
        after: values,
      });
      return row!;
    },
  );
}

export function updateWarehouse(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; warehouseId: number; input: WarehouseInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: warehouseSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (r: { changed: boolean }) => (r.changed ? 'Warehouse saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'warehouse', params.sellerId);
      const current = await findWarehouse(tx, params);
      if (!current) throw new SettingsRefusal('That warehouse was not found.');
      await refuseDuplicates(tx, params.sellerId, values, current.id);
      const diff = changedFields({ name: current.name, code: current.code }, values);
      if (!diff.changed) return { changed: false };
      await tx.update(warehouses).set(values).where(and(eq(warehouses.id, current.id), eq(warehouses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'warehouse',
        change: 'update',
        entityId: current.id,
        subject: `Warehouse ${values.code}`,
        before: diff.before,
        after: diff.after,
      });
      return { changed: true };
    },
  );
}

export function deleteWarehouse(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; warehouseId: number },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: noInput,
      input: {},
      onForeignKeyViolation: 'That warehouse came into use while deleting it, so it was kept.',
      successMessage: (w: { code: string }) => `Warehouse ${w.code} deleted.`,
    },
    async (tx) => {
      await lockCatalogue(tx, 'warehouse', params.sellerId);
      const current = await findWarehouse(tx, params);
      if (!current) throw new SettingsRefusal('That warehouse was not found.');
      const uses = await warehouseUsage(tx, params.sellerId, current.id);
      if (uses.length) {
        throw new SettingsRefusal(`Warehouse ${current.code} ${joinWithAnd(uses)}, so it can't be deleted.`);
      }
      await tx.delete(warehouses).where(and(eq(warehouses.id, current.id), eq(warehouses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'warehouse',
        change: 'delete',
        entityId: current.id,
        subject: `Warehouse ${current.code}`,
        before: { name: current.name, code: current.code },
      });
      return { code: current.code };
    },
  );
}
