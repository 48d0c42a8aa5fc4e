import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { likeEscape } from '@/lib/like';
import { productAttributeKeys } from './attribute-values';
import { catalogueOrder } from './attribute-order';

export const PRODUCTS_PAGE_SIZE = 50;

export type ProductFilters = {
  manufacturer?: string;
  model?: string;
  capacity?: string;
  color?: string;
  network?: string;
  grade?: string;
  /** SKU or any attribute, case-insensitive, anywhere in the text. */
  q?: string;
  price?: 'priced' | 'on_request';
};

export type ProductListRow = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  listPrice: number | null;
  available: number;
};

function productConditions(sellerId: number, filters: ProductFilters): SQL {
  const parts: SQL[] = [sql`p.seller_id = ${sellerId}`];
  for (const key of productAttributeKeys) {
    const value = filters[key];
    if (value) parts.push(sql`p.${sql.identifier(key)} = ${value}`);
  }
  if (filters.price === 'priced') parts.push(sql`p.list_price is not null`);
  if (filters.price === 'on_request') parts.push(sql`p.list_price is null`);
  const q = filters.q?.trim();
  if (q) {
    const like = `%${likeEscape(q.toLowerCase())}%`;
    parts.push(sql`lower(p.sku || ' ' || p.manufacturer || ' ' || p.model || ' ' || p.capacity || ' ' || p.color || ' ' || p.network) like ${like}`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * A page of the seller's products in catalogue order with their available
 * quantity (read from product_availability, never counted from devices).
 * Products number in the thousands per seller, so an exact total and
 * offset paging are cheap here.
 */
export async function listProducts(
  db: DbOrTx,
  params: { sellerId: number; filters: ProductFilters; page?: number; pageSize?: number },
): Promise<{ rows: ProductListRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = params.pageSize ?? PRODUCTS_PAGE_SIZE;
  const where = productConditions(params.sellerId, params.filters);
  const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from products p where ${where}`);
  const total = Number(counted?.n ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(params.page ?? 1)), lastPage);
  const rows = await queryRows<ProductListRow>(db, sql`
    select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
           p.list_price as "listPrice", coalesce(a.quantity, 0) as available
    from products p
    left join product_availability a on a.product_id = p.id
    where ${where}
    order by ${catalogueOrder('p')}
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { rows, total, page, pageSize };
}
