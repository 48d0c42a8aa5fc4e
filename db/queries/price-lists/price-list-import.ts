import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { productsBySku } from '@/db/queries/products/products-by-sku';
import { bigintArray, intArray } from '@/db/sql-arrays';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import { describeProduct } from '@/lib/products';
import { moneyLimitText, readMoney } from '@/lib/money';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { MAX_PRICE_LIST_ROWS, type PriceListRow } from '@/lib/validation/price-lists';

export type PriceListFilePrice = { row: number; productId: number; sku: string; description: string; minQuantity: number; unitPrice: number; listPrice: number | null };

export type PriceListImportPreview = {
  prices: PriceListFilePrice[];
  problems: LineProblem[];
  /** Prices on the list now that the file does not name: the import removes them. */
  removed: number;
};

const MAX_QUANTITY = 1_000_000;

function readQuantity(text: string): number | string {
  const value = text.trim();
  if (!value) return 1;
  if (!/^\d+$/.test(value)) return `min_quantity "${value}" is not a whole number`;
  const n = Number(value);
  if (n < 1) return 'min_quantity must be at least 1';
  if (n > MAX_QUANTITY) return `min_quantity is at most ${MAX_QUANTITY.toLocaleString('en-US')}`;
  return n;
}

/**
 * What a price file would make of the list: the file replaces the list's
 * prices (a price sheet, not a patch), so the preview shows every price it
 * sets, how many it removes, and every row that cannot be applied (unknown
 * SKU, a bad quantity or price, a SKU and quantity twice) by its row number.
 */
export async function previewPriceListImport(
  db: DbOrTx,
  params: { sellerId: number; priceListId: number; currency: string; rows: readonly PriceListRow[] },
): Promise<PriceListImportPreview> {
  const [list] = await queryRows<{ id: number }>(db, sql`select id from price_lists where id = ${params.priceListId} and seller_id = ${params.sellerId}`);
  if (!list) throw new Refusal('This price list does not exist.', { code: 'not_found' });
  const byKey = await productsBySku(db, { sellerId: params.sellerId, skus: params.rows.map((r) => r.sku) });
  const firstRow = new Map<string, number>();
  const problems: LineProblem[] = [];
  const prices: PriceListFilePrice[] = [];
  for (const r of params.rows) {
    const sku = r.sku.trim();
    const key = sku.toLowerCase();
    const reasons: string[] = [];
    const product = key ? byKey.get(key) : undefined;
    if (!sku) reasons.push('sku is empty');
    else if (!product) reasons.push('no product has this SKU');
    const quantity = readQuantity(r.minQuantity);
    if (typeof quantity === 'string') reasons.push(quantity);
    const priceText = r.price.trim();
    const reading = priceText ? readMoney(priceText, params.currency) : null;
    if (!reading) reasons.push('price is empty');
    else if (!reading.ok) reasons.push(reading.problem === 'too_large' ? `"${priceText}" is too large: prices are ${moneyLimitText(params.currency)}` : `"${priceText}" is not a price`);
    if (product && typeof quantity === 'number') {
      const pair = `${key}\u0000${quantity}`;
      if (firstRow.has(pair)) reasons.push(`this SKU at ${quantity}+ is already on row ${firstRow.get(pair)}`);
      else firstRow.set(pair, r.row);
    }
    if (reasons.length || !product || typeof quantity !== 'number' || !reading?.ok) {
      problems.push({ line: r.row, value: sku || '(no SKU)', reason: reasons.join('; ') });
      continue;
    }
    prices.push({ row: r.row, productId: product.id, sku: product.sku, description: describeProduct(product), minQuantity: quantity, unitPrice: reading.minor, listPrice: product.listPrice });
  }
  const kept = new Set(prices.map((p) => `${p.productId}:${p.minQuantity}`));
  const current = await queryRows<{ productId: number; minQuantity: number }>(db, sql`
    select product_id as "productId", min_quantity as "minQuantity" from price_list_prices where price_list_id = ${params.priceListId} and seller_id = ${params.sellerId}`);
  const removed = current.filter((c) => !kept.has(`${c.productId}:${c.minQuantity}`)).length;
  return { prices, problems, removed };
}

/**
 * Replaces the list's prices with the file's, all or nothing: checks every row
 * again inside one transaction (the list row locked, so two imports queue) and
 * writes one audit entry for the import.
 */
export async function applyPriceListImport(
  db: DbOrTx,
  params: { sellerId: number; priceListId: number; actor: AuditActor; currency: string; rows: readonly PriceListRow[] },
): Promise<{ prices: number; removed: number }> {
  if (params.rows.length > MAX_PRICE_LIST_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_PRICE_LIST_ROWS.toLocaleString('en-US')} rows; split it.`, { code: 'too_large' });
  }
  return db.transaction(async (tx) => {
    await queryRows(tx, sql`select id from price_lists where id = ${params.priceListId} and seller_id = ${params.sellerId} for update`);
    const { prices, problems, removed } = await previewPriceListImport(tx, params);
    if (problems.length) {
      throw new Refusal(`${problems.length === 1 ? '1 row has a problem' : `${problems.length} rows have problems`}, so no price was changed. Fix the file and try again.`, { problems });
    }
    await tx.execute(sql`delete from price_list_prices where price_list_id = ${params.priceListId} and seller_id = ${params.sellerId}`);
    if (prices.length) {
      await tx.execute(sql`
        insert into price_list_prices (seller_id, price_list_id, product_id, min_quantity, unit_price)
        select ${params.sellerId}::int, ${params.priceListId}::int, r.product_id, r.min_quantity, r.unit_price
        from unnest(${intArray(prices.map((p) => p.productId))}, ${intArray(prices.map((p) => p.minQuantity))}, ${bigintArray(prices.map((p) => p.unitPrice))})
          as r(product_id, min_quantity, unit_price)`);
    }
    await tx.execute(sql`update price_lists set updated_at = now() where id = ${params.priceListId} and seller_id = ${params.sellerId}`);
    await recordAudit(tx, {
      sellerId: params.sellerId,
      actor: params.actor,
      action: 'price_list.import',
      entityType: 'price_list',
      entityId: params.priceListId,
      details: { prices: prices.length, removed, rows: params.rows.length },
    });
    return { prices: prices.length, removed };
  });
}
