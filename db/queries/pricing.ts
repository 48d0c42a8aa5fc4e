import { sql, type SQL } from 'drizzle-orm';

/**
 * What a buyer pays, resolved in SQL so every reader (For Sale, its CSV, the
 * cart, checkout) prices alike and nothing is priced in the browser:
 *
 * 1. the organization's price list names a price for the product at the
 *    line's quantity: the row with the largest `min_quantity` not above it;
 * 2. else a "percent off" list takes its percentage off the list price;
 * 3. else the list price (an organization without a list pays list prices);
 * 4. null: price on request.
 *
 * The fragments expect the product as `p` (with `p.id`, `p.list_price`) and
 * the organization's list joined as `pl` by {@link joinPriceList}.
 */

/** Joins the organization's price list as `pl` (no row when it has none). */
export function joinPriceList(params: { sellerId: number; organizationId: SQL | number }): SQL {
  return sql`left join lateral (
      select l.id, l.rule, l.percent_off_bps
      from organizations o join price_lists l on l.id = o.price_list_id and l.seller_id = o.seller_id
      where o.id = ${params.organizationId} and o.seller_id = ${params.sellerId}
    ) pl on true`;
}

/** The organization of a portal account (the cart's owner), for {@link joinPriceList}. */
export function accountOrganization(params: { sellerId: number; portalAccountId: number }): SQL {
  return sql`(select pa.organization_id from portal_accounts pa where pa.id = ${params.portalAccountId} and pa.seller_id = ${params.sellerId})`;
}

/** The list's rule applied to the list price (step 2, then 3). */
const ruled = sql`case when pl.rule = 'percent_off' then round(p.list_price * (10000 - pl.percent_off_bps) / 10000.0)::bigint else p.list_price end`;

/** The unit price at `quantity` units per line, for a few rows (one index probe each: the cart, checkout). */
export function unitPriceAt(quantity: SQL): SQL {
  return sql`coalesce(
      (select b.unit_price from price_list_prices b
        where b.price_list_id = pl.id and b.product_id = p.id and b.min_quantity <= ${quantity}
        order by b.min_quantity desc limit 1),
      ${ruled})`;
}

/**
 * The unit price of one unit for every product of a listing: the list's row
 * for quantity 1 is joined (as `b1`, by {@link joinFirstBreak}), not probed
 * per product, so For Sale stays one hash join at any catalogue size.
 */
export const unitPriceOfOne = sql`coalesce(b1.unit_price, ${ruled})`;

/** Joins the list's price for one unit as `b1`; after {@link joinPriceList}. */
export const joinFirstBreak = sql`left join price_list_prices b1 on b1.price_list_id = pl.id and b1.product_id = p.id and b1.min_quantity = 1`;

/** The quantity breaks above one unit as JSON `[{ min, price }]`, for the rows of one page (one index probe per row). */
export function quantityBreaks(priceListId: SQL, productId: SQL): SQL {
  return sql`coalesce((select json_agg(json_build_object('min', b.min_quantity, 'price', b.unit_price) order by b.min_quantity)
      from price_list_prices b where b.price_list_id = ${priceListId} and b.product_id = ${productId} and b.min_quantity > 1), '[]'::json)`;
}

/** A quantity break as the screens show it: from `min` units per line, `price` each. */
export type QuantityBreak = { min: number; price: number };

/** Reads {@link quantityBreaks} (JSON numbers; bigint prices arrive as numbers within 2^53). */
export function readBreaks(value: unknown): QuantityBreak[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(list)) return [];
  return list.map((b: { min: unknown; price: unknown }) => ({ min: Number(b.min), price: Number(b.price) }));
}
