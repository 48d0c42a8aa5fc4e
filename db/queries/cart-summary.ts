import { sql, type SQL } from 'drizzle-orm';
import { cartLines, cartUnits } from '@/db/schema';
import type { CartSummary } from '@/lib/validation/cart';

/**
 * The cart badge's numbers as one scalar subquery (JSON): the cart's lines and
 * quantities, plus the units picked on product pages (one line per product not
 * already a cart line). The session check selects it beside the account
 * (db/queries/accounts.ts), so a signed-in page reads its session and its cart
 * count in one statement; `cartSummary` asks for it alone after a change.
 */
export function cartSummaryColumn(scope: { sellerId: number; portalAccountId: number }): SQL<unknown> {
  return sql`(
    with lines as (
      select product_id, quantity from ${cartLines}
      where seller_id = ${scope.sellerId} and portal_account_id = ${scope.portalAccountId}
    ), picked as (
      select product_id from ${cartUnits}
      where seller_id = ${scope.sellerId} and portal_account_id = ${scope.portalAccountId}
    )
    select json_build_object(
      'lines', (select count(*) from lines) + (select count(distinct product_id) from picked where product_id not in (select product_id from lines)),
      'units', (select coalesce(sum(quantity), 0) from lines) + (select count(*) from picked)))`;
}

/** The column's value as the drivers hand it over (postgres.js parses JSON; PGlite may give text). */
export function parseCartSummary(value: unknown): CartSummary {
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as { lines?: unknown; units?: unknown } | null;
  return { lines: Number(parsed?.lines ?? 0), units: Number(parsed?.units ?? 0) };
}
