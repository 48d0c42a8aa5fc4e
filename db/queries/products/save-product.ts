import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { products, type Product } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import { Refusal } from '@/lib/refusal';
import { listedAttributeKeys, listedAttributeNames, packProblem, readListPrice, type ListedAttributeKey, type ProductFields } from '@/lib/validation/products';

/** A product of this seller, or null (another seller's id is "not found"). */
export async function findProduct(db: DbOrTx, params: { sellerId: number; productId: number }): Promise<Product | null> {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, params.productId), eq(products.sellerId, params.sellerId)))
    .limit(1);
  return row ?? null;
}

const attributeKeys = ['sku', 'manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;

function skuTaken(sku: string): Refusal {
  return new Refusal(`SKU ${sku} is already used by another of your products. Each product needs its own SKU.`, {
    code: 'conflict',
    fieldErrors: { sku: [`${sku} is already used by another product.`] },
  });
}

async function skuInUse(db: DbOrTx, params: { sellerId: number; sku: string; exceptId?: number }): Promise<boolean> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.sellerId, params.sellerId), sql`lower(${products.sku}) = lower(${params.sku})`, params.exceptId ? ne(products.id, params.exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

/** The list price as stored (minor units, or null "on request"), refused when it is not a price. */
function listPriceOf(fields: ProductFields, currency: string): number | null {
  const pack = packProblem(fields);
  if (pack) throw new Refusal(pack, { code: 'invalid', fieldErrors: { minOrderQuantity: [pack] } });
  const price = readListPrice(fields.listPrice, currency);
  if (!price.ok) throw new Refusal('Check the list price.', { code: 'invalid', fieldErrors: { listPrice: [price.message] } });
  return price.value;
}

type SaveParams = { sellerId: number; actor: AuditActor; currency: string; fields: ProductFields };

/** Typed capacity, color, network and grade values that none of the seller's products has yet. One query. */
export async function newAttributeValues(
  db: DbOrTx,
  params: { sellerId: number; fields: Pick<ProductFields, ListedAttributeKey> },
): Promise<{ key: ListedAttributeKey; value: string; similar: string | null }[]> {
  const typed = listedAttributeKeys.map((key) => ({ key, value: params.fields[key] })).filter((a) => a.value !== '');
  if (!typed.length) return [];
  const rows = await queryRows<{ attribute: ListedAttributeKey; exact: boolean; similar: string | null }>(db, sql`
    select a.attribute,
           bool_or(v.value = a.value) as exact,
           min(v.value) filter (where lower(regexp_replace(v.value, '[[:space:]]+', '', 'g')) = lower(regexp_replace(a.value, '[[:space:]]+', '', 'g'))) as similar
    from (values ${sql.join(typed.map((t) => sql`(${t.key}, ${t.value})`), sql`, `)}) as a(attribute, value)
    left join (
      select distinct x.attribute, x.value from products p
      cross join lateral (values ('capacity', p.capacity), ('color', p.color), ('network', p.network), ('grade', p.grade)) as x(attribute, value)
      where p.seller_id = ${params.sellerId}
    ) v on v.attribute = a.attribute
    group by a.attribute`);
  return typed
    .filter((t) => !rows.find((r) => r.attribute === t.key)?.exact)
    .map((t) => ({ ...t, similar: rows.find((r) => r.attribute === t.key)?.similar ?? null }));
}

/** Refuses new attribute values that were not confirmed, naming each and any existing value it resembles. */
async function checkNewValues(tx: DbOrTx, params: { sellerId: number; fields: ProductFields }): Promise<void> {
  const unconfirmed = (await newAttributeValues(tx, params)).filter((n) => !params.fields.newValues.includes(n.key));
  if (!unconfirmed.length) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const n of unconfirmed) {
    const name = listedAttributeNames[n.key];
    fieldErrors[n.key] = [
      n.similar
        ? `No product has the ${name} "${n.value}" yet; did you mean "${n.similar}"? Choose it, or confirm the new ${name}.`
        : `No product has the ${name} "${n.value}" yet. Choose an existing ${name}, or confirm the new one.`,
    ];
  }
  throw new Refusal(
    unconfirmed.length === 1
      ? `"${unconfirmed[0]!.value}" would be a new ${listedAttributeNames[unconfirmed[0]!.key]}. Nothing was saved.`
      : `${unconfirmed.map((n) => `"${n.value}"`).join(', ')} would be new values. Nothing was saved.`,
    { code: 'invalid', fieldErrors },
  );
}

export async function createProduct(db: DbOrTx, params: SaveParams): Promise<{ product: Product }> {
  const { sellerId, fields } = params;
  const listPrice = listPriceOf(fields, params.currency);
  try {
    return await db.transaction(async (tx) => {
      if (await skuInUse(tx, { sellerId, sku: fields.sku })) throw skuTaken(fields.sku);
      await checkNewValues(tx, { sellerId, fields });
      const [product] = await tx
        .insert(products)
        .values({ sellerId, ...pickAttributes(fields), listPrice })
        .returning();
      await recordAudit(tx, {
        sellerId,
        actor: params.actor,
        action: 'product.create',
        entityType: 'product',
        entityId: product!.id,
        details: { sku: product!.sku, listPrice, currency: params.currency, minOrderQuantity: fields.minOrderQuantity, orderIncrement: fields.orderIncrement },
      });
      return { product: product! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken(fields.sku);
    throw error;
  }
}

/**
 * Saves the product's attributes and list price. A price change is its own
 * audit entry (old -> new); other changed attributes are listed in another.
 */
export async function updateProduct(
  db: DbOrTx,
  params: SaveParams & { productId: number },
): Promise<{ product: Product; priceChanged: boolean }> {
  const { sellerId, fields } = params;
  const listPrice = listPriceOf(fields, params.currency);
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(products)
        .where(and(eq(products.id, params.productId), eq(products.sellerId, sellerId)))
        .for('update');
      if (!before) throw new Refusal('That product was not found.', { code: 'not_found' });
      if (await skuInUse(tx, { sellerId, sku: fields.sku, exceptId: before.id })) throw skuTaken(fields.sku);
      const attributes = pickAttributes(fields);
      const changes: Record<string, [string, string]> = {};
      for (const key of attributeKeys) if (before[key] !== attributes[key]) changes[key] = [before[key], attributes[key]];
      for (const key of ['minOrderQuantity', 'orderIncrement'] as const) {
        if (before[key] !== attributes[key]) changes[key] = [String(before[key]), String(attributes[key])];
      }
      const priceChanged = before.listPrice !== listPrice;
      if (!priceChanged && !Object.keys(changes).length) return { product: before, priceChanged };
      await checkNewValues(tx, { sellerId, fields });

      const [product] = await tx
        .update(products)
        .set({ ...attributes, listPrice, updatedAt: new Date() })
        .where(and(eq(products.id, before.id), eq(products.sellerId, sellerId)))
        .returning();
      if (Object.keys(changes).length) {
        await recordAudit(tx, { sellerId, actor: params.actor, action: 'product.update', entityType: 'product', entityId: before.id, details: { sku: product!.sku, changes } });
      }
      if (priceChanged) {
        await recordAudit(tx, {
          sellerId,
          actor: params.actor,
          action: 'product.price',
          entityType: 'product',
          entityId: before.id,
          details: { sku: product!.sku, from: before.listPrice, to: listPrice, currency: params.currency },
        });
      }
      return { product: product!, priceChanged };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken(fields.sku);
    throw error;
  }
}

function pickAttributes(fields: ProductFields) {
  return {
    sku: fields.sku,
    manufacturer: fields.manufacturer,
    model: fields.model,
    capacity: fields.capacity,
    color: fields.color,
    network: fields.network,
    grade: fields.grade,
    minOrderQuantity: fields.minOrderQuantity,
    orderIncrement: fields.orderIncrement,
  };
}
