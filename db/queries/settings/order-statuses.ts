import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db';
import { orderStatuses, type OrderStatus } from '@/db/schema';
import { orderStatusSchema, type OrderStatusInput } from '@/lib/validation/catalogues';
import type { SettingsActor } from './access';
import { auditCatalogueChange, lockCatalogue, pageOffset } from './catalogue-helpers';
import { orderStatusUsage } from './usage';
import { changedFields, joinWithAnd, noInput, SettingsRefusal, settingsWrite } from './write';

export async function listOrderStatuses(db: DbOrTx, params: { sellerId: number; page?: number }) {
  const { page, limit, offset } = pageOffset(params.page);
  const where = eq(orderStatuses.sellerId, params.sellerId);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(orderStatuses)
      .where(where)
      .orderBy(asc(orderStatuses.position), asc(orderStatuses.name), asc(orderStatuses.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(orderStatuses).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: limit };
}

export async function findOrderStatus(db: DbOrTx, params: { sellerId: number; statusId: number }) {
  const [row] = await db
    .select()
    .from(orderStatuses)
    .where(and(eq(orderStatuses.id, params.statusId), eq(orderStatuses.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

async function refuseDuplicate(tx: DbOrTx, sellerId: number, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: orderStatuses.id })
    .from(orderStatuses)
    .where(
      and(
        eq(orderStatuses.sellerId, sellerId),
        exceptId ? ne(orderStatuses.id, exceptId) : undefined,
        sql`lower(${orderStatuses.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  if (clash) {
    const message = `An order status named "${name}" already exists.`;
    throw new SettingsRefusal(message, { name: [message] });
  }
}

async function nextPosition(tx: Tx, sellerId: number): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${orderStatuses.position})` })
    .from(orderStatuses)
    .where(eq(orderStatuses.sellerId, sellerId));
  return row?.max == null ? 0 : Number(row.max) + 1;
}

const duplicateMessage = 'An order status with that name already exists.';

function auditedFields(s: Pick<OrderStatus, 'name' | 'color' | 'isOpen' | 'allowsCommitting' | 'position'>) {
  return { name: s.name, color: s.color, isOpen: s.isOpen, allowsCommitting: s.allowsCommitting, position: s.position };
}

export function createOrderStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: OrderStatusInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: orderStatusSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (s: OrderStatus) => `Order status ${s.name} added.`,
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'order_status', params.sellerId);
      await refuseDuplicate(tx, params.sellerId, values.name);
      const position = values.position ?? (await nextPosition(tx, params.sellerId));
      const [row] = await tx
        .insert(orderStatuses)
        .values({ sellerId: params.sellerId, ...values, position })
        .returning();
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'order_status',
        change: 'create',
        entityId: row!.id,
        subject: `Order status ${row!.name}`,
        after: auditedFields(row!),
      });
      return row!;
    },
  );
}

export function updateOrderStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; statusId: number; input: OrderStatusInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: orderStatusSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (r: { changed: boolean }) => (r.changed ? 'Order status saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'order_status', params.sellerId);
      const current = await findOrderStatus(tx, params);
      if (!current) throw new SettingsRefusal('That order status was not found.');
      await refuseDuplicate(tx, params.sellerId, values.name, current.id);
      const next = auditedFields({ ...values, position: values.position ?? current.position });
      const diff = changedFields(auditedFields(current), next);
      if (!diff.changed) return { changed: false };
      await tx
        .update(orderStatuses)
        .set(next)
        .where(and(eq(orderStatuses.id, current.id), eq(orderStatuses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'order_status',
        change: 'update',
        entityId: current.id,
        subject: `Order status ${next.name}`,
        before: diff.before,
        after: diff.after,
      });
      return { changed: true };
    },
  );
}

export function deleteOrderStatus(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; statusId: number },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: noInput,
      input: {},
      onForeignKeyViolation: 'That order status came into use while deleting it, so it was kept.',
      successMessage: (s: { name: string }) => `Order status ${s.name} deleted.`,
    },
    async (tx) => {
      await lockCatalogue(tx, 'order_status', params.sellerId);
      const current = await findOrderStatus(tx, params);
      if (!current) throw new SettingsRefusal('That order status was not found.');
      const uses = await orderStatusUsage(tx, params.sellerId, current.id);
      if (uses.length) {
        throw new SettingsRefusal(`Order status ${current.name} ${joinWithAnd(uses)}, so it can't be deleted.`);
      }
      await tx.delete(orderStatuses).where(and(eq(orderStatuses.id, current.id), eq(orderStatuses.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'order_status',
        change: 'delete',
        entityId: current.id,
        subject: `Order status ${current.name}`,
        before: auditedFields(current),
      });
      return { name: current.name };
    },
  );
}
