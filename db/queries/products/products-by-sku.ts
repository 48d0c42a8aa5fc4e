import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { textArray } from '@/db/sql-arrays';

export type ProductBySku = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  listPrice: number | null;
};

/** The seller's products named in a file, by lower-case SKU, in one statement (SKUs match whatever their case). */
export async function productsBySku(db: DbOrTx, params: { sellerId: number; skus: readonly string[] }): Promise<Map<string, ProductBySku>> {
  const keys = [...new Set(params.skus.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  if (!keys.length) return new Map();
  const rows = await queryRows<ProductBySku & { key: string }>(db, sql`
    select id, lower(sku) as key, sku, manufacturer, model, capacity, color, network, grade, list_price as "listPrice"
    from products where seller_id = ${params.sellerId} and lower(sku) = any(${textArray(keys)})`);
  return new Map(rows.map(({ key, ...p }) => [key, { ...p, listPrice: p.listPrice === null ? null : Number(p.listPrice) }]));
}
