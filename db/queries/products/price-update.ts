import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { productsBySku } from './products-by-sku';
import { bigintArray, intArray, textArray } from '@/db/sql-arrays';
import type { AuditActor } from '@/db/queries/audit';
import { describeProduct } from '@/lib/products';
import { moneyLimitText, readMoney } from '@/lib/money';
import { Refusal, type LineProblem } from '@/lib/refusal';
import { MAX_PRICE_UPDATE_ROWS, type PriceUpdateRow } from '@/lib/validation/products';

export type PriceChange = {
  row: number;
  productId: number;
  sku: string;
  description: string;
  from: number | null;
  to: number | null;
};

export type PriceUpdatePreview = { changes: PriceChange[]; unchanged: number; problems: LineProblem[] };

const onRequest = /^(on request|price on request|por)$/i;

/** A CSV price cell: an amount, or "on request" to remove the price; empty is refused so a blank column never wipes prices. */
function parsePriceCell(text: string, currency: string): { price: number | null } | { reason: string } {
  const value = text.trim();
  if (!value) return { reason: 'list_price is empty; write a price, or "on request" to remove it' };
  if (onRequest.test(value)) return { price: null };
  const reading = readMoney(value, currency);
  if (reading.ok) return { price: reading.minor };
  return { reason: reading.problem === 'too_large' ? `"${value}" is too large: prices are ${moneyLimitText(currency)}` : `"${value}" is not a price` };
}

/**
 * What a price file would change: old -> new per product, and every row that
 * cannot be applied (unknown SKU, bad price, a SKU twice) with its row number.
 */
export async function previewPriceUpdate(
  db: DbOrTx,
  params: { sellerId: number; currency: string; rows: readonly PriceUpdateRow[] },
): Promise<PriceUpdatePreview> {
  const byKey = await productsBySku(db, { sellerId: params.sellerId, skus: params.rows.map((r) => r.sku) });
  const firstRow = new Map<string, number>();
  const problems: LineProblem[] = [];
  const changes: PriceChange[] = [];
  let unchanged = 0;
  for (const r of params.rows) {
    const sku = r.sku.trim();
    const key = sku.toLowerCase();
    const reasons: string[] = [];
    const product = key ? byKey.get(key) : undefined;
    if (!sku) reasons.push('sku is empty');
    else if (!product) reasons.push('no product has this SKU');
    else if (firstRow.has(key)) reasons.push(`this SKU is already on row ${firstRow.get(key)}`);
    if (key && !firstRow.has(key)) firstRow.set(key, r.row);
    const price = parsePriceCell(r.listPrice, params.currency);
    if ('reason' in price) reasons.push(price.reason);
    if (reasons.length || !product || 'reason' in price) {
      problems.push({ line: r.row, value: sku || '(no SKU)', reason: reasons.join('; ') });
      continue;
    }
    if (product.listPrice === price.price) {
      unchanged++;
      continue;
    }
    changes.push({ row: r.row, productId: product.id, sku: product.sku, description: describeProduct(product), from: product.listPrice, to: price.price });
  }
  return { changes, unchanged, problems };
}

/**
 * Applies a price file all or nothing: checks every row again in one
 * transaction, updates every changed product with one UPDATE and writes one
 * audit entry per changed price (old -> new).
 */
export async function applyPriceUpdate(
  db: DbOrTx,
  params: { sellerId: number; actor: AuditActor; currency: string; rows: readonly PriceUpdateRow[] },
): Promise<{ updated: number; unchanged: number }> {
  if (params.rows.length > MAX_PRICE_UPDATE_ROWS) {
    throw new Refusal(`A file may hold at most ${MAX_PRICE_UPDATE_ROWS.toLocaleString('en-US')} rows; split it.`, { code: 'too_large' });
  }
  return db.transaction(async (tx) => {
    // Lock the named products so a price edited meanwhile cannot slip between the check and the write.
    const skus = [...new Set(params.rows.map((r) => r.sku.trim().toLowerCase()).filter(Boolean))];
    if (skus.length) {
      await queryRows(tx, sql`
        select id from products where seller_id = ${params.sellerId} and lower(sku) = any(${textArray(skus)})
        order by id for update`);
    }
    const { changes, unchanged, problems } = await previewPriceUpdate(tx, params);
    if (problems.length) {
      throw new Refusal(`${problems.length === 1 ? '1 row has a problem' : `${problems.length} rows have problems`}, so no price was changed. Fix the file and try again.`, { problems });
    }
    if (!changes.length) return { updated: 0, unchanged };
    await tx.execute(sql`
      update products p set list_price = c.price, updated_at = now()
      from unnest(${intArray(changes.map((c) => c.productId))}, ${bigintArray(changes.map((c) => c.to))}) as c(id, price)
      where p.id = c.id and p.seller_id = ${params.sellerId}`);
    const actor = params.actor;
    // One row per changed price, written by one statement (a file may change thousands).
    await tx.execute(sql`
      insert into audit_entries (seller_id, actor_staff_id, actor_label, action, entity_type, entity_id, details)
      select ${params.sellerId}, ${'staffUserId' in actor ? actor.staffUserId : null}::int, ${'staffUserId' in actor ? actor.name : actor.label},
             'product.price', 'product', c.id,
             jsonb_build_object('sku', c.sku, 'from', c.old_price, 'to', c.new_price, 'currency', ${params.currency}::text, 'source', 'price file')
      from unnest(${intArray(changes.map((c) => c.productId))}, ${textArray(changes.map((c) => c.sku))},
                  ${bigintArray(changes.map((c) => c.from))}, ${bigintArray(changes.map((c) => c.to))}) as c(id, sku, old_price, new_price)`);
    return { updated: changes.length, unchanged };
  });
}
