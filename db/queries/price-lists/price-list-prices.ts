import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { readMoney } from '@/lib/money';
import { Refusal } from '@/lib/refusal';

type Scope = { sellerId: number; priceListId: number; actor: AuditActor };

async function lockList(tx: DbOrTx, params: Scope) {
  const [list] = await queryRows<{ id: number }>(tx, sql`select id from price_lists where id = ${params.priceListId} and seller_id = ${params.sellerId} for update`);
  if (!list) throw new Refusal('This price list does not exist.', { code: 'not_found' });
}

/** Sets one product's price on the list from a quantity on (1: its price per unit; above: a quantity break). */
export async function setPriceListPrice(
  db: DbOrTx,
  params: Scope & { currency: string; sku: string; minQuantity: number; price: string },
): Promise<{ sku: string; from: number | null; to: number }> {
  const reading = readMoney(params.price, params.currency);
  if (!reading.ok) throw new Refusal('Check the price.', { code: 'invalid', fieldErrors: { price: [reading.message] } });
  return db.transaction(async (tx) => {
    await lockList(tx, params);
    const [product] = await queryRows<{ id: number; sku: string }>(tx, sql`
      select id, sku from products where seller_id = ${params.sellerId} and lower(sku) = lower(${params.sku.trim()})`);
    if (!product) throw new Refusal('No product has this SKU.', { code: 'not_found', fieldErrors: { sku: ['No product has this SKU.'] } });
    const [before] = await queryRows<{ unitPrice: number }>(tx, sql`
      select unit_price as "unitPrice" from price_list_prices
      where price_list_id = ${params.priceListId} and product_id = ${product.id} and min_quantity = ${params.minQuantity}`);
    await tx.execute(sql`
      insert into price_list_prices (seller_id, price_list_id, product_id, min_quantity, unit_price)
      values (${params.sellerId}, ${params.priceListId}, ${product.id}, ${params.minQuantity}, ${reading.minor})
      on conflict (price_list_id, product_id, min_quantity) do update set unit_price = excluded.unit_price`);
    const from = before ? Number(before.unitPrice) : null;
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'price_list.price',
      entityType: 'price_list',
      entityId: params.priceListId,
      details: { sku: product.sku, minQuantity: params.minQuantity, from, to: reading.minor, currency: params.currency },
    });
    return { sku: product.sku, from, to: reading.minor };
  });
}

/** Removes one price (or break) of a product from the list. */
export async function removePriceListPrice(db: DbOrTx, params: Scope & { productId: number; minQuantity: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await lockList(tx, params);
    const [gone] = await queryRows<{ sku: string; unitPrice: number }>(tx, sql`
      delete from price_list_prices b using products p
      where b.price_list_id = ${params.priceListId} and b.seller_id = ${params.sellerId}
        and b.product_id = ${params.productId} and b.min_quantity = ${params.minQuantity}
        and p.id = b.product_id and p.seller_id = b.seller_id
      returning p.sku, b.unit_price as "unitPrice"`);
    if (!gone) throw new Refusal('This price is not on the list any more.', { code: 'not_found' });
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'price_list.price_remove',
      entityType: 'price_list',
      entityId: params.priceListId,
      details: { sku: gone.sku, minQuantity: params.minQuantity, from: Number(gone.unitPrice) },
    });
  });
}
