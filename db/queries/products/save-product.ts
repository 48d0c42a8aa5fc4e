import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { products, type Product } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { isUniqueViolation } from '@/db/errors';
import { refuse, type Outcome } from '@/lib/inventory/outcome';
import { readListPrice, type ProductFields } from '@/lib/validation/products';

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

function skuTaken(sku: string) {
  return refuse(`SKU ${sku} is already used by another of your products. Each product needs its own SKU.`, {
    fieldErrors: { sku: [`${sku} is already used by another product.`] },
  });
}

async function skuInUse(db: DbOrTx, sellerId: number, sku: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.sellerId, sellerId), sql`lower(${products.sku}) = lower(${sku})`, exceptId ? ne(products.id, exceptId) : undefined))
    .limit(1);
  return Boolean(row);
}

type SaveParams = { sellerId: number; actor: AuditActor; currency: string; fields: ProductFields };

export async function createProduct(db: DbOrTx, params: SaveParams): Promise<Outcome<{ product: Product }>> {
  const { sellerId, fields } = params;
  const price = readListPrice(fields.listPrice, params.currency);
  if (!price.ok) return refuse('Check the list price.', { fieldErrors: { listPrice: [price.message] } });
  const listPrice = price.value;
  try {
    return await db.transaction(async (tx) => {
      if (await skuInUse(tx, sellerId, fields.sku)) return skuTaken(fields.sku);
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
        details: { sku: product!.sku, listPrice, currency: params.currency },
      });
      return { ok: true as const, product: product! };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return skuTaken(fields.sku);
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
): Promise<Outcome<{ product: Product; priceChanged: boolean }>> {
  const { sellerId, fields } = params;
  const price = readListPrice(fields.listPrice, params.currency);
  if (!price.ok) return refuse('Check the list price.', { fieldErrors: { listPrice: [price.message] } });
  const listPrice = price.value;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(products)
        .where(and(eq(products.id, params.productId), eq(products.sellerId, sellerId)))
        .for('update');
      if (!before) return refuse('That product was not found.');
      if (await skuInUse(tx, sellerId, fields.sku, before.id)) return skuTaken(fields.sku);
      const attributes = pickAttributes(fields);
      const changes: Record<string, [string, string]> = {};
      for (const key of attributeKeys) if (before[key] !== attributes[key]) changes[key] = [before[key], attributes[key]];
      const priceChanged = before.listPrice !== listPrice;
      if (!priceChanged && !Object.keys(changes).length) return { ok: true as const, product: before, priceChanged };

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
      return { ok: true as const, product: product!, priceChanged };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return skuTaken(fields.sku);
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
  };
}
