import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import type { PriceListRule } from '@/lib/validation/price-lists';

export type PriceListSummary = {
  id: number;
  name: string;
  rule: PriceListRule;
  percentOffBps: number;
  /** Products with at least one price of their own on the list. */
  products: number;
  /** Prices above one unit (quantity breaks). */
  breaks: number;
  organizations: number;
};

/** The seller's price lists with what they hold and who is on them. */
export async function listPriceLists(db: DbOrTx, params: { sellerId: number }): Promise<PriceListSummary[]> {
  const rows = await queryRows<PriceListSummary>(db, sql`
    select l.id, l.name, l.rule, l.percent_off_bps as "percentOffBps",
      (select count(distinct b.product_id)::int from price_list_prices b where b.price_list_id = l.id) as products,
      (select count(*)::int from price_list_prices b where b.price_list_id = l.id and b.min_quantity > 1) as breaks,
      (select count(*)::int from organizations o where o.seller_id = l.seller_id and o.price_list_id = l.id) as organizations
    from price_lists l
    where l.seller_id = ${params.sellerId}
    order by lower(l.name), l.id`);
  return rows.map((r) => ({ ...r, products: Number(r.products), breaks: Number(r.breaks), organizations: Number(r.organizations) }));
}

/** The lists as choices (organization pages). */
export async function priceListChoices(db: DbOrTx, params: { sellerId: number }) {
  return queryRows<{ id: number; name: string }>(db, sql`
    select id, name from price_lists where seller_id = ${params.sellerId} order by lower(name), id`);
}
