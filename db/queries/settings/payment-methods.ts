import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { paymentMethods, type PaymentMethod } from '@/db/schema';
import { paymentMethodSchema, type PaymentMethodInput } from '@/lib/validation/catalogues';
import type { SettingsActor } from './access';
import { auditCatalogueChange, lockCatalogue, pageOffset } from './catalogue-helpers';
import { paymentMethodUsage } from './usage';
import { changedFields, joinWithAnd, noInput, SettingsRefusal, settingsWrite } from './write';

export async function listPaymentMethods(db: DbOrTx, params: { sellerId: number; page?: number }) {
  const { page, limit, offset } = pageOffset(params.page);
  const where = eq(paymentMethods.sellerId, params.sellerId);
  const [rows, [total]] = await Promise.all([
    db.select().from(paymentMethods).where(where).orderBy(asc(paymentMethods.name), asc(paymentMethods.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(paymentMethods).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0), page, pageSize: limit };
}

export async function findPaymentMethod(db: DbOrTx, params: { sellerId: number; methodId: number }) {
  const [row] = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.id, params.methodId), eq(paymentMethods.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

async function refuseDuplicate(tx: DbOrTx, sellerId: number, name: string, exceptId?: number) {
  const [clash] = await tx
    .select({ id: paymentMethods.id })
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.sellerId, sellerId),
        exceptId ? ne(paymentMethods.id, exceptId) : undefined,
        sql`lower(${paymentMethods.name}) = lower(${name})`,
      ),
    )
    .limit(1);
  if (clash) {
    const message = `A payment method named "${name}" already exists.`;
    throw new SettingsRefusal(message, { name: [message] });
  }
}

const duplicateMessage = 'A payment method with that name already exists.';

export function createPaymentMethod(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; input: PaymentMethodInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: paymentMethodSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (m: PaymentMethod) => `Payment method ${m.name} added.`,
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'payment_method', params.sellerId);
      await refuseDuplicate(tx, params.sellerId, values.name);
      const [row] = await tx.insert(paymentMethods).values({ sellerId: params.sellerId, ...values }).returning();
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'payment_method',
        change: 'create',
        entityId: row!.id,
        subject: `Payment method ${row!.name}`,
        after: values,
      });
      return row!;
    },
  );
}

export function updatePaymentMethod(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; methodId: number; input: PaymentMethodInput },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: paymentMethodSchema,
      input: params.input,
      onUniqueViolation: duplicateMessage,
      successMessage: (r: { changed: boolean }) => (r.changed ? 'Payment method saved.' : 'Nothing changed.'),
    },
    async (tx, values) => {
      await lockCatalogue(tx, 'payment_method', params.sellerId);
      const current = await findPaymentMethod(tx, params);
      if (!current) throw new SettingsRefusal('That payment method was not found.');
      await refuseDuplicate(tx, params.sellerId, values.name, current.id);
      const diff = changedFields({ name: current.name, instructions: current.instructions }, values);
      if (!diff.changed) return { changed: false };
      // Issued invoices keep their own snapshot of name and instructions.
      await tx
        .update(paymentMethods)
        .set(values)
        .where(and(eq(paymentMethods.id, current.id), eq(paymentMethods.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'payment_method',
        change: 'update',
        entityId: current.id,
        subject: `Payment method ${values.name}`,
        before: diff.before,
        after: diff.after,
      });
      return { changed: true };
    },
  );
}

export function deletePaymentMethod(
  db: DbOrTx,
  params: { sellerId: number; actor: SettingsActor; methodId: number },
) {
  return settingsWrite(
    db,
    {
      actor: params.actor,
      schema: noInput,
      input: {},
      onForeignKeyViolation: 'That payment method came into use while deleting it, so it was kept.',
      successMessage: (m: { name: string }) => `Payment method ${m.name} deleted.`,
    },
    async (tx) => {
      await lockCatalogue(tx, 'payment_method', params.sellerId);
      const current = await findPaymentMethod(tx, params);
      if (!current) throw new SettingsRefusal('That payment method was not found.');
      const uses = await paymentMethodUsage(tx, params.sellerId, current.id);
      if (uses.length) {
        throw new SettingsRefusal(`Payment method ${current.name} ${joinWithAnd(uses)}, so it can't be deleted.`);
      }
      await tx
        .delete(paymentMethods)
        .where(and(eq(paymentMethods.id, current.id), eq(paymentMethods.sellerId, params.sellerId)));
      await auditCatalogueChange(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        kind: 'payment_method',
        change: 'delete',
        entityId: current.id,
        subject: `Payment method ${current.name}`,
        before: { name: current.name, instructions: current.instructions },
      });
      return { name: current.name };
    },
  );
}
