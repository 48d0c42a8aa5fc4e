import { and, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { DbOrTx, Tx } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { Refusal } from '@/lib/refusal';
import { joinWithAnd } from '@/lib/settings/words';
import type { SettingsActor } from './access';
import { changedFields, noInput, settingsWrite, type Written } from './write';

/**
 * The engine of the five settings catalogues (warehouses, inventory statuses,
 * order statuses, sales channels, payment methods). Each catalogue is one
 * definition (db/queries/settings/catalogues/*.ts); the engine gives it the
 * list, find, create, update and delete that every catalogue shares: a lock
 * per catalogue and seller, duplicate checks, an audit entry with only the
 * changed fields, and a refusal naming where an entry is still used.
 */

/** Catalogue pages are short, but they still paginate in the database. */
export const CATALOGUE_PAGE_SIZE = 50;

export function pageOffset(page: number | undefined, pageSize = CATALOGUE_PAGE_SIZE) {
  const p = Number.isFinite(page) && page && page > 0 ? Math.floor(page) : 1;
  return { page: p, limit: pageSize, offset: (p - 1) * pageSize };
}

export const catalogueKinds = ['warehouse', 'inventory_status', 'order_status', 'sales_channel', 'payment_method'] as const;
export type CatalogueKind = (typeof catalogueKinds)[number];

/**
 * Serializes writes to one catalogue of one seller, so "is this name free?"
 * checked inside the transaction stays true until it commits.
 */
export async function lockCatalogue(tx: Tx, params: { sellerId: number; kind: CatalogueKind }): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${7200 + catalogueKinds.indexOf(params.kind)}, ${params.sellerId})`);
}

/** One entry of one seller's catalogue. */
export type CatalogueEntryParams = { sellerId: number; id: number };

type CatalogueTable = PgTable & { id: AnyPgColumn; sellerId: AnyPgColumn };
type Fields = Record<string, unknown>;

export type CatalogueSpec<T extends CatalogueTable, S extends z.ZodType, F extends Fields> = {
  kind: CatalogueKind;
  table: T;
  /** "Warehouse": starts the messages and the audit subjects. */
  noun: string;
  schema: S;
  orderBy: (AnyPgColumn | SQL)[];
  /** The fields an entry stores and the audit log records, from a stored row. */
  audited: (row: T['$inferSelect']) => F;
  /** The same fields from the parsed input; `current` is the entry being edited, null for a new one. */
  fields: (values: z.output<S>, context: { tx: Tx; sellerId: number; current: NoInfer<F> | null }) => NoInfer<F> | Promise<NoInfer<F>>;
  /** How messages name an entry: a warehouse by its code, the others by name. */
  label: (fields: NoInfer<F>) => string;
  /** Case-insensitive uniqueness per seller, checked in this order, each refused on its field. */
  unique: { field: keyof NoInfer<F> & string; column: AnyPgColumn; message: (value: string) => string }[];
  /** When the unique index trips anyway (a concurrent write). */
  duplicateMessage: string;
  /** Where an entry is still used, as phrases ("holds 7,120 devices"); counted only on delete. */
  usage: (db: DbOrTx, params: CatalogueEntryParams) => Promise<string[]>;
};

export type CatalogueWriteParams = { sellerId: number; actor: SettingsActor };

/**
 * A catalogue's queries, closed over its definition. Longer than 80 lines
 * because it holds the five operations together; each is a short function.
 */
export function defineCatalogue<T extends CatalogueTable, S extends z.ZodType, F extends Fields>(spec: CatalogueSpec<T, S, F>) {
  type Row = T['$inferSelect'];
  const { table, noun } = spec;
  const what = noun.toLowerCase();
  const notFound = () => new Refusal(`That ${what} was not found.`, { code: 'not_found' });
  const subject = (fields: F) => `${noun} ${spec.label(fields)}`;
  const entry = (params: CatalogueEntryParams) => and(eq(table.id, params.id), eq(table.sellerId, params.sellerId));

  async function list(db: DbOrTx, params: { sellerId: number; page?: number }) {
    const { page, limit, offset } = pageOffset(params.page);
    const where = eq(table.sellerId, params.sellerId);
    const [rows, [total]] = await Promise.all([
      db.select().from(table as PgTable).where(where).orderBy(...spec.orderBy, table.id).limit(limit).offset(offset),
      db.select({ n: count() }).from(table as PgTable).where(where),
    ]);
    return { rows: rows as Row[], total: Number(total?.n ?? 0), page, pageSize: limit };
  }

  async function find(db: DbOrTx, params: CatalogueEntryParams): Promise<Row | null> {
    const [row] = await db.select().from(table as PgTable).where(entry(params)).limit(1);
    return (row as Row | undefined) ?? null;
  }

  async function refuseDuplicates(tx: Tx, sellerId: number, fields: F, exceptId?: number) {
    for (const unique of spec.unique) {
      const value = String(fields[unique.field]);
      const [clash] = await tx
        .select({ id: table.id })
        .from(table as PgTable)
        .where(
          and(
            eq(table.sellerId, sellerId),
            exceptId ? ne(table.id, exceptId) : undefined,
            sql`lower(${unique.column}) = lower(${value})` as SQL,
          ),
        )
        .limit(1);
      if (clash) {
        const message = unique.message(value);
        throw new Refusal(message, { code: 'conflict', fieldErrors: { [unique.field]: [message] } });
      }
    }
  }

  async function audit(tx: Tx, params: CatalogueWriteParams, change: 'create' | 'update' | 'delete', entityId: number, details: Fields) {
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: { staffUserId: params.actor.staffUserId, name: params.actor.name },
      action: `${spec.kind}.${change}`,
      entityType: spec.kind,
      entityId,
      details,
    });
  }

  function create(db: DbOrTx, params: CatalogueWriteParams & { input: unknown }): Promise<Written<Row>> {
    const { sellerId } = params;
    return settingsWrite(
      db,
      { actor: params.actor, schema: spec.schema, input: params.input, onUniqueViolation: spec.duplicateMessage, message: (row: Row) => `${subject(spec.audited(row))} added.` },
      async (tx, values) => {
        await lockCatalogue(tx, { sellerId, kind: spec.kind });
        const fields = await spec.fields(values, { tx, sellerId, current: null });
        await refuseDuplicates(tx, sellerId, fields);
        const [row] = (await tx
          .insert(table)
          .values({ sellerId, ...fields } as PgInsertValue<T>)
          .returning()) as Row[];
        const after = spec.audited(row!);
        await audit(tx, params, 'create', (row as { id: number }).id, { subject: subject(after), before: {}, after });
        return row!;
      },
    );
  }

  function update(db: DbOrTx, params: CatalogueWriteParams & { id: number; input: unknown }): Promise<Written<{ changed: boolean }>> {
    const { sellerId } = params;
    return settingsWrite(
      db,
      {
        actor: params.actor,
        schema: spec.schema,
        input: params.input,
        onUniqueViolation: spec.duplicateMessage,
        message: (r: { changed: boolean }) => (r.changed ? `${noun} saved.` : 'Nothing changed.'),
      },
      async (tx, values) => {
        await lockCatalogue(tx, { sellerId, kind: spec.kind });
        const row = await find(tx, params);
        if (!row) throw notFound();
        const current = spec.audited(row);
        const next = await spec.fields(values, { tx, sellerId, current });
        await refuseDuplicates(tx, sellerId, next, params.id);
        const diff = changedFields(current, next);
        if (!diff.changed) return { changed: false };
        await tx
          .update(table)
          .set(next as PgUpdateSetSource<T>)
          .where(entry(params));
        await audit(tx, params, 'update', params.id, { subject: subject(next), before: diff.before, after: diff.after });
        return { changed: true };
      },
    );
  }

  /** Refuses, naming every place the entry is still used, and deletes nothing. */
  function remove(db: DbOrTx, params: CatalogueWriteParams & { id: number }): Promise<Written<{ label: string }>> {
    const { sellerId } = params;
    return settingsWrite(
      db,
      {
        actor: params.actor,
        schema: noInput,
        input: {},
        onForeignKeyViolation: `That ${what} came into use while deleting it, so it was kept.`,
        message: (r: { label: string }) => `${noun} ${r.label} deleted.`,
      },
      async (tx) => {
        await lockCatalogue(tx, { sellerId, kind: spec.kind });
        const row = await find(tx, params);
        if (!row) throw notFound();
        const before = spec.audited(row);
        const uses = await spec.usage(tx, params);
        if (uses.length) throw new Refusal(`${subject(before)} ${joinWithAnd(uses)}, so it can't be deleted.`, { code: 'in_use' });
        await tx.delete(table).where(entry(params));
        await audit(tx, params, 'delete', params.id, { subject: subject(before), before, after: {} });
        return { label: spec.label(before) };
      },
    );
  }

  return { ...spec, list, find, create, update, remove };
}

export type Catalogue = ReturnType<typeof defineCatalogue>;

/** Left empty, a new entry goes to the end of the list; an edit left empty keeps its place. */
export async function positionOrNext(
  tx: Tx,
  params: { sellerId: number; table: CatalogueTable & { position: AnyPgColumn }; position: number | null | undefined; current: { position: number } | null },
): Promise<number> {
  if (params.position != null) return params.position;
  if (params.current) return params.current.position;
  const [row] = await tx
    .select({ max: sql<number | null>`max(${params.table.position})` })
    .from(params.table as PgTable)
    .where(eq(params.table.sellerId, params.sellerId));
  return row?.max == null ? 0 : Number(row.max) + 1;
}
