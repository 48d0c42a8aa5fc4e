import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { productAvailability, products } from '@/db/schema';
import { describeProduct } from '@/lib/products';
import { likeEscape } from '@/lib/like';

/**
 * Products matching typed text (SKU prefix, or words of manufacturer and
 * model), for adding a line: an exact SKU first, then what is most available.
 */
export async function findProductsForOrderLine(
  db: DbOrTx,
  params: { sellerId: number; query: string; limit?: number },
) {
  const text = params.query.trim();
  if (!text) return [];
  const pattern = `%${likeEscape(text)}%`;
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      manufacturer: products.manufacturer,
      model: products.model,
      capacity: products.capacity,
      color: products.color,
      network: products.network,
      grade: products.grade,
      listPrice: products.listPrice,
      available: sql<number>`coalesce(${productAvailability.quantity}, 0)`,
    })
    .from(products)
    .leftJoin(productAvailability, eq(productAvailability.productId, products.id))
    .where(
      and(
        eq(products.sellerId, params.sellerId),
        or(
          ilike(products.sku, `${likeEscape(text)}%`),
          ilike(sql`${products.manufacturer} || ' ' || ${products.model} || ' ' || ${products.capacity} || ' ' || ${products.color}`, pattern),
        ),
      ),
    )
    .orderBy(
      desc(sql`lower(${products.sku}) = lower(${text})`),
      desc(sql`coalesce(${productAvailability.quantity}, 0)`),
      asc(products.sku),
    )
    .limit(Math.min(params.limit ?? 12, 50));
  return rows.map((r) => ({
    id: r.id,
    sku: r.sku,
    description: describeProduct(r),
    listPrice: r.listPrice,
    available: Number(r.available),
  }));
}

export type ProductForOrderLine = Awaited<ReturnType<typeof findProductsForOrderLine>>[number];
