import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';

export const productAttributeKeys = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
export type ProductAttributeKey = (typeof productAttributeKeys)[number];
export type ProductAttributeValues = Record<ProductAttributeKey, string[]>;

/** The distinct values of each product attribute of this seller, for filter menus. One query. */
export async function productAttributeValues(
  db: DbOrTx,
  params: { sellerId: number },
): Promise<ProductAttributeValues> {
  const rows = await queryRows<{ attribute: ProductAttributeKey; value: string }>(db, sql`
    select distinct a.attribute, a.value
    from products p
    cross join lateral (values
      ('manufacturer', p.manufacturer), ('model', p.model), ('capacity', p.capacity),
      ('color', p.color), ('network', p.network), ('grade', p.grade)
    ) as a(attribute, value)
    where p.seller_id = ${params.sellerId} and a.value <> ''
    order by 1, 2`);
  const values = Object.fromEntries(productAttributeKeys.map((k) => [k, [] as string[]])) as ProductAttributeValues;
  for (const r of rows) values[r.attribute].push(r.value);
  return values;
}

export type ProductChoice = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
};

/** Every product of the seller in catalogue order, for the "which product are these devices" menu. */
export async function productChoices(db: DbOrTx, params: { sellerId: number }): Promise<ProductChoice[]> {
  return queryRows<ProductChoice>(db, sql`
    select id, sku, manufacturer, model, capacity, color, network, grade
    from products where seller_id = ${params.sellerId}
    order by manufacturer, model, capacity, color, grade, network, id`);
}
