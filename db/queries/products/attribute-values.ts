import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { attributeComparators } from '@/lib/product-attribute-order';

export const productAttributeKeys = ['manufacturer', 'model', 'capacity', 'color', 'network', 'grade'] as const;
export type ProductAttributeKey = (typeof productAttributeKeys)[number];
export type ProductAttributeValues = Record<ProductAttributeKey, string[]>;

/** The distinct values of each product attribute of this seller, for filter menus, in the trade's order (64GB before 128GB, A+ before A). One query. */
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
  for (const key of productAttributeKeys) values[key].sort(attributeComparators[key]);
  return values;
}
