import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { salesChannels, type SalesChannel } from '@/db/schema';
import { salesChannelSchema, type SalesChannelInput } from '@/lib/validation/catalogues';
import type { SettingsActor } from './access';
import { auditCatalogueChange, lockCatalogue, pageOffset } from './catalogue-helpers';
import { salesChannelUsage } from './usage';
import { changedFields, joinWithAnd, noInput, SettingsRefusal, settingsWrite } from './write';

export async function listSalesChannels(db: DbOrTx, params: { sellerId: number; page?: number }) {
  const { page, limit, offset } = pageOffset(params.page);
  const where = eq(salesChannels.sellerId, params.sellerId);
  const [rows, [total]] = await Promise.all([
    db.select().from(salesChannels).where(where).orderBy(asc(salesChannels.name), asc(salesChannels.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(salesChannels).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: limit };
}

export async function findSalesChannel(db: DbOrTx, params: { sellerId: number; channelId: number }) {
  const [row] = await db
    .select()
    .from(salesChannels)
    .where(and(eq(salesChannels.id, params.channelId), eq(salesChannels.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

async function refuseDuplicate(tx: DbOrTx, sellerId: number, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: salesChannels.id })
    .from(salesChannels)
    .where(
      and(
        eq(salesChannels.sellerId, sellerId),
        exceptId ? ne(salesChannels.id, exceptId) : undefined,
        sql`lower(${salesChannels.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  if (clash) {
    const message = `A sales channel named "${name}" already exists.`;
    throw new SettingsRefusal(message, { name: [message] });
  }
}

const duplicateMessage = 'A sales channel with that name already exists.';

export function createSalesChannel(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: SalesChannelInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: salesChannelSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (c: SalesChannel) => `Sales channel ${c.name} added.`,
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'sales_channel', params.sellerId);
      await refuseDuplicate(tx, params.sellerId, values.name);
      const [row] = await tx.insert(salesChannels).values({ sellerId: params.sellerId, name: values.name }).returning();
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'sales_channel',
        change: 'create',
        entityId: row!.id,
        subject: `Sales channel ${row!.name}`,
        after: { name: row!.name },
      });
      return row!;
    },
  );
}

export function updateSalesChannel(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; channelId: number; input: SalesChannelInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: salesChannelSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (r: { changed: boolean }) => (r.changed ? 'Sales channel saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'sales_channel', params.sellerId);
      const current = await findSalesChannel(tx, params);
      if (!current) throw new SettingsRefusal('That sales channel was not found.');
      await refuseDuplicate(tx, params.sellerId, values.name, current.id);
      const diff = changedFields({ name: current.name }, { name: values.name });
      if (!diff.changed) return { changed: false };
      await tx
        .update(salesChannels)
        .set({ name: values.name })
        .where(and(eq(salesChannels.id, current.id), eq(salesChannels.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'sales_channel',
        change: 'update',
        entityId: current.id,
        subject: `Sales channel ${values.name}`,
        before: diff.before,
        after: diff.after,
      });
      return { changed: true };
    },
  );
}

export function deleteSalesChannel(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; channelId: number },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: noInput,
      input: {},
      onForeignKeyViolation: 'That sales channel came into use while deleting it, so it was kept.',
      successMessage: (c: { name: string }) => `Sales channel ${c.name} deleted.`,
    },
    async (tx) => {
      await lockCatalogue(tx, 'sales_channel', params.sellerId);
      const current = await findSalesChannel(tx, params);
      if (!current) throw new SettingsRefusal('That sales channel was not found.');
      const uses = await salesChannelUsage(tx, params.sellerId, current.id);
      if (uses.length) {
        throw new SettingsRefusal(`Sales channel ${current.name} ${joinWithAnd(uses)}, so it can't be deleted.`);
      }
      await tx.delete(salesChannels).where(and(eq(salesChannels.id, current.id), eq(salesChannels.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'sales_channel',
        change: 'delete',
        entityId: current.id,
        subject: `Sales channel ${current.name}`,
        before: { name: current.name },
      });
      return { name: current.name };
    },
  );
}
