import { sql, type SQL } from 'drizzle-orm';

/**
 * ORDER BY terms for product lists in the trade's order (see
 * lib/product-attribute-order.ts, which sorts the filter menus the same way):
 * capacity by size, grade best first (A+, A, A-, B+ …).
 */
export function capacityOrder(column: SQL): SQL {
  // The leading number scaled by its unit; text without a number sorts last.
  return sql`(case
      when ${column} ~* '^[[:space:]]*[0-9]+([.][0-9]+)?[[:space:]]*tb' then substring(${column} from '[0-9]+(?:[.][0-9]+)?')::numeric * 1024
      when ${column} ~* '^[[:space:]]*[0-9]+([.][0-9]+)?[[:space:]]*mb' then substring(${column} from '[0-9]+(?:[.][0-9]+)?')::numeric / 1024
      when ${column} ~ '^[[:space:]]*[0-9]+' then substring(${column} from '[0-9]+(?:[.][0-9]+)?')::numeric
    end) asc nulls last, ${column}`;
}

export function gradeOrder(column: SQL): SQL {
  return sql`rtrim(rtrim(${column}, '+'), '-'), (case when ${column} like '%+' then 0 when ${column} like '%-' then 2 else 1 end), ${column}`;
}

/** Catalogue order: manufacturer, model, capacity by size, colour, grade best first, network. */
export function catalogueOrder(alias: string): SQL {
  const c = (name: string) => sql.raw(`${alias}.${name}`);
  return sql`${c('manufacturer')}, ${c('model')}, ${capacityOrder(c('capacity'))}, ${c('color')}, ${gradeOrder(c('grade'))}, ${c('network')}, ${c('id')}`;
}
