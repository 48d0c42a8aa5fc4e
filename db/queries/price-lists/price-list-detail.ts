import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { describeProduct } from '@/lib/products';
import type { PriceListRule } from '@/lib/validation/price-lists';

export const PRICE_LIST_PAGE_SIZE = 100;
/** Organizations named on the list's page; the rest are counted. */
const ORGANIZATIONS_SHOWN = 200;

export type PriceListPrice = {
  productId: number;
  sku: string;
  description: string;
  listPrice: number | null;
  minQuantity: number;
  unitPrice: number;
};

/**
 * One price list of the seller: its rule, a page of its prices (by SKU, then
 * quantity), and the organizations on it; null for another seller's id.
 */
export async function priceListDetail(db: DbOrTx, params: { sellerId: number; priceListId: number; page: number }) {
  const { sellerId, priceListId } = params;
  const [list] = await queryRows<{ id: number; name: string; rule: PriceListRule; percentOffBps: number; totalPrices: number }>(db, sql`
    select l.id, l.name, l.rule, l.percent_off_bps as "percentOffBps",
      (select count(*)::int from price_list_prices b where b.price_list_id = l.id) as "totalPrices"
    from price_lists l where l.id = ${priceListId} and l.seller_id = ${sellerId}`);
  if (!list) return null;
  const offset = (Math.max(1, params.page) - 1) * PRICE_LIST_PAGE_SIZE;
  const prices = await queryRows<Omit<PriceListPrice, 'description'> & { manufacturer: string; model: string; capacity: string; color: string; network: string; grade: string }>(db, sql`
    select p.id as "productId", p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      p.list_price as "listPrice", b.min_quantity as "minQuantity", b.unit_price as "unitPrice"
    from price_list_prices b join products p on p.id = b.product_id and p.seller_id = b.seller_id
    where b.price_list_id = ${priceListId} and b.seller_id = ${sellerId}
    order by lower(p.sku), b.min_quantity
    limit ${PRICE_LIST_PAGE_SIZE} offset ${offset}`);
  const organizations = await queryRows<{ id: number; name: string }>(db, sql`
    select o.id, o.name from organizations o
    where o.seller_id = ${sellerId} and o.price_list_id = ${priceListId}
    order by lower(o.name), o.id limit ${ORGANIZATIONS_SHOWN}`);
  const [{ n: organizationCount }] = (await queryRows<{ n: number }>(db, sql`
    select count(*)::int as n from organizations where seller_id = ${sellerId} and price_list_id = ${priceListId}`)) as [{ n: number }];
  return {
    ...list,
    totalPrices: Number(list.totalPrices),
    prices: prices.map((r) => ({
      productId: r.productId,
      sku: r.sku,
      description: describeProduct(r),
      listPrice: r.listPrice === null ? null : Number(r.listPrice),
      minQuantity: Number(r.minQuantity),
      unitPrice: Number(r.unitPrice),
    })),
    organizations,
    organizationCount: Number(organizationCount),
  };
}

export type PriceListDetail = NonNullable<Awaited<ReturnType<typeof priceListDetail>>>;

/** Every price of the list, by SKU then quantity, for its CSV (the same columns the import reads). */
export async function priceListFile(db: DbOrTx, params: { sellerId: number; priceListId: number }) {
  const [list] = await queryRows<{ name: string }>(db, sql`select name from price_lists where id = ${params.priceListId} and seller_id = ${params.sellerId}`);
  if (!list) return null;
  const rows = await queryRows<{ sku: string; minQuantity: number; unitPrice: number }>(db, sql`
    select p.sku, b.min_quantity as "minQuantity", b.unit_price as "unitPrice"
    from price_list_prices b join products p on p.id = b.product_id and p.seller_id = b.seller_id
    where b.price_list_id = ${params.priceListId} and b.seller_id = ${params.sellerId}
    order by lower(p.sku), b.min_quantity`);
  return { name: list.name, rows: rows.map((r) => ({ sku: r.sku, minQuantity: Number(r.minQuantity), unitPrice: Number(r.unitPrice) })) };
}
