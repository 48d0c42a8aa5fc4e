import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import { organizations, priceLists } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { intArray } from '@/db/sql-arrays';
import { Refusal } from '@/lib/refusal';
import { readPercent, type PriceListFields } from '@/lib/validation/price-lists';

type Scope = { sellerId: number; actor: AuditActor };

const nameTaken = () => new Refusal('A price list with this name exists already.', { code: 'conflict', fieldErrors: { name: ['A price list with this name exists already.'] } });
const notFound = () => new Refusal('This price list does not exist.', { code: 'not_found' });

function ruleOf(fields: PriceListFields) {
  const percent = fields.rule === 'percent_off' ? readPercent(fields.percentOff) : null;
  if (percent && !percent.ok) throw new Refusal('Check the discount.', { code: 'invalid', fieldErrors: { percentOff: [percent.message] } });
  return { name: fields.name, rule: fields.rule, percentOffBps: percent?.ok ? percent.bps : 0 };
}

/** A new price list of the seller; audited. */
export async function createPriceList(db: DbOrTx, params: Scope & { fields: PriceListFields }): Promise<{ id: number }> {
  const values = ruleOf(params.fields);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(priceLists).values({ sellerId: params.sellerId, ...values }).returning({ id: priceLists.id });
      await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'price_list.create', entityType: 'price_list', entityId: row!.id, details: values });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Renames a list or changes its rule; carts follow at once, placed orders keep their prices. */
export async function updatePriceList(db: DbOrTx, params: Scope & { priceListId: number; fields: PriceListFields }): Promise<void> {
  const values = ruleOf(params.fields);
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ name: priceLists.name, rule: priceLists.rule, percentOffBps: priceLists.percentOffBps })
        .from(priceLists)
        .where(and(eq(priceLists.id, params.priceListId), eq(priceLists.sellerId, params.sellerId)))
        .for('update');
      if (!before) throw notFound();
      await tx
        .update(priceLists)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(priceLists.id, params.priceListId), eq(priceLists.sellerId, params.sellerId)));
      await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'price_list.update', entityType: 'price_list', entityId: params.priceListId, details: { from: before, to: values } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** Deletes a list with its prices; refused while organizations are on it (they would silently fall back to list prices). */
export async function deletePriceList(db: DbOrTx, params: Scope & { priceListId: number }): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [list] = await tx
      .select({ name: priceLists.name })
      .from(priceLists)
      .where(and(eq(priceLists.id, params.priceListId), eq(priceLists.sellerId, params.sellerId)))
      .for('update');
    if (!list) throw notFound();
    const [{ n }] = (await queryRows<{ n: number }>(tx, sql`
      select count(*)::int as n from organizations where seller_id = ${params.sellerId} and price_list_id = ${params.priceListId}`)) as [{ n: number }];
    if (n > 0) {
      throw new Refusal(`${n === 1 ? '1 organization is' : `${n} organizations are`} on ${list.name}. Move ${n === 1 ? 'it' : 'them'} to another list (or to list prices) first.`, { code: 'in_use' });
    }
    await tx.delete(priceLists).where(and(eq(priceLists.id, params.priceListId), eq(priceLists.sellerId, params.sellerId)));
    await recordAudit(tx, { sellerId: params.sellerId, actor: params.actor, action: 'price_list.delete', entityType: 'price_list', entityId: params.priceListId, details: { name: list.name } });
    return list;
  });
}

/**
 * Puts organizations on a price list (or, with null, back on list prices).
 * Every id must be an organization of this seller: one unknown id refuses all.
 */
export async function assignPriceList(
  db: DbOrTx,
  params: Scope & { priceListId: number | null; organizationIds: readonly number[] },
): Promise<{ changed: number; listName: string | null }> {
  const ids = [...new Set(params.organizationIds)];
  return db.transaction(async (tx) => {
    let listName: string | null = null;
    if (params.priceListId !== null) {
      const [list] = await tx
        .select({ name: priceLists.name })
        .from(priceLists)
        .where(and(eq(priceLists.id, params.priceListId), eq(priceLists.sellerId, params.sellerId)))
        .for('share');
      if (!list) throw notFound();
      listName = list.name;
    }
    const before = await queryRows<{ id: number; name: string; priceListId: number | null }>(tx, sql`
      select id, name, price_list_id as "priceListId" from organizations
      where seller_id = ${params.sellerId} and id = any(${intArray(ids)}) order by id for update`);
    if (before.length !== ids.length) throw new Refusal('One of these organizations does not exist.', { code: 'not_found' });
    const changing = before.filter((o) => o.priceListId !== params.priceListId);
    if (!changing.length) return { changed: 0, listName };
    await tx
      .update(organizations)
      .set({ priceListId: params.priceListId })
      .where(and(eq(organizations.sellerId, params.sellerId), sql`${organizations.id} = any(${intArray(changing.map((o) => o.id))})`));
    for (const o of changing) {
      await recordAudit(tx, {
        sellerId: params.sellerId,
        actor: params.actor,
        action: 'organization.price_list',
        entityType: 'organization',
        entityId: o.id,
        details: { from: o.priceListId, to: params.priceListId, priceList: listName },
      });
    }
    return { changed: changing.length, listName };
  });
}
