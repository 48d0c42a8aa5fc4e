import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { addToCart, buyerPricing, cartSummary, readSellable, ruleColumns, sellableQuantity, type CartScope } from '@/db/queries/cart';
import { unitPriceAt } from '@/db/queries/pricing';
import { lineAmount } from '@/lib/money';
import { productLabel } from '@/lib/portal/product-label';
import { addRefusalMessage } from '@/lib/portal/quantity-display';
import { describeRules, ruleProblem } from '@/lib/portal/quantity-rules';
import { isRefusal, Refusal } from '@/lib/refusal';
import { MAX_BULK_ORDER_LINES, parseBulkOrder, type BulkOrderInputLine } from '@/lib/validation/bulk-order';
import type { CartSummary } from '@/lib/validation/cart';

/** A bulk order is the cart's owner's: the seller and portal account come from the session. */
export type BulkOrderParams = CartScope & { text: string };

/** One line of the preview: its product and price at the line's quantity, or why it cannot be ordered (nothing about stock beyond what the quantity display allows). */
export type BulkOrderPreviewLine = {
  line: number;
  sku: string;
  quantity: number | null;
  productId: number | null;
  /** The product's title, when the SKU is one of the seller's. */
  product: string | null;
  /** "Min 5 · packs of 5", when the product has rules. */
  rules: string | null;
  /** Already in the cart (the line adds to it). */
  inCart: number;
  /** The buyer's unit price at the cart line's quantity after adding (price list breaks included); null: price on request. */
  unitPrice: number | null;
  lineTotal: number | null;
  /** Null: the line can be added. */
  problem: string | null;
};

export type BulkOrderPreview = {
  lines: BulkOrderPreviewLine[];
  /** Lines that can be added, and their total (priced lines only). */
  good: number;
  total: number;
};

type Row = Parameters<typeof readSellable>[0] & { line: number; inCart: unknown };

/** The products of every typed line, priced and with what is available, in one statement (no query per line). */
async function readLines(db: DbOrTx, params: CartScope, lines: BulkOrderInputLine[]) {
  const typed = lines.filter((l) => l.sku !== '' && l.quantity !== null);
  if (!typed.length) return new Map<number, ReturnType<typeof readSellable> & { line: number; inCart: number }>();
  const values = sql.join(typed.map((l) => sql`(${l.line}::int, ${l.sku}::text, ${l.quantity}::int)`), sql`, `);
  const rows = await queryRows<Row>(db, sql`
    with input(line, sku, quantity) as (values ${values})
    select i.line, coalesce(c.quantity, 0) as "inCart",
      p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceAt(sql`(i.quantity + coalesce(c.quantity, 0))`)} as price, ${sellableQuantity} as available, ${ruleColumns}
    from input i
    join products p on p.seller_id = ${params.sellerId} and lower(p.sku) = lower(i.sku)
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    left join cart_lines c on c.portal_account_id = ${params.portalAccountId} and c.seller_id = ${params.sellerId} and c.product_id = p.id
    ${buyerPricing(params)}`);
  return new Map(rows.map((r) => [Number(r.line), { ...readSellable(r), line: Number(r.line), inCart: Number(r.inCart) }]));
}

/**
 * The preview of a pasted bulk order: each line with its product, the buyer's
 * unit price and line total, or its refusal (unknown SKU, not available, above
 * what is available worded as the quantity display allows, below the minimum,
 * not a whole number of packs, the SKU twice, a bad quantity). Another
 * seller's SKU is unknown. Reads nothing per line.
 */
export async function previewBulkOrder(db: DbOrTx, params: BulkOrderParams): Promise<BulkOrderPreview> {
  const { lines, tooMany } = parseBulkOrder(params.text);
  if (tooMany) {
    const message = `A bulk order takes at most ${MAX_BULK_ORDER_LINES} lines at a time. Split the list and add it in parts.`;
    throw new Refusal(message, { code: 'too_large', fieldErrors: { text: [message] } });
  }
  if (!lines.length) {
    const message = 'Paste at least one line of "SKU, quantity", for example: IP13-128-BLK-A, 5';
    throw new Refusal(message, { code: 'empty', fieldErrors: { text: [message] } });
  }
  const found = await readLines(db, params, lines);
  const firstLineOf = new Map<string, number>();
  const preview = lines.map((l): BulkOrderPreviewLine => {
    const product = found.get(l.line);
    const base: BulkOrderPreviewLine = {
      line: l.line,
      sku: l.sku,
      quantity: l.quantity,
      productId: product?.id ?? null,
      product: product ? productLabel(product) : null,
      rules: product ? describeRules(product.rules) : null,
      inCart: product?.inCart ?? 0,
      unitPrice: null,
      lineTotal: null,
      problem: null,
    };
    const key = l.sku.toLowerCase();
    const earlier = firstLineOf.get(key);
    if (l.sku && earlier === undefined) firstLineOf.set(key, l.line);
    const problem = lineProblem(l, product, earlier);
    if (problem || !product) return { ...base, problem: problem ?? 'No product with this SKU.' };
    return { ...base, unitPrice: product.price, lineTotal: lineAmount({ quantity: l.quantity!, unitPrice: product.price }) };
  });
  const good = preview.filter((l) => l.problem === null);
  return { lines: preview, good: good.length, total: good.reduce((sum, l) => sum + (l.lineTotal ?? 0), 0) };
}

function lineProblem(
  l: BulkOrderInputLine,
  product: (ReturnType<typeof readSellable> & { inCart: number }) | undefined,
  earlierLine: number | undefined,
): string | null {
  if (!l.sku) return 'No SKU on this line.';
  if (l.quantity === null) return l.quantityText ? 'The quantity must be a whole number of at least 1.' : 'No quantity on this line.';
  if (earlierLine !== undefined) return `This SKU is already on line ${earlierLine}; put the whole quantity on one line.`;
  if (!product) return 'No product with this SKU.';
  if (product.available <= 0) return 'Not available now.';
  const wanted = product.inCart + l.quantity;
  const broken = ruleProblem(wanted, product.rules, productLabel(product));
  if (broken) return product.inCart ? `${product.inCart} in your cart. ${broken}` : broken;
  if (wanted > product.available) return addRefusalMessage({ inCart: product.inCart, wanted, available: product.available, display: product.display });
  return null;
}

/**
 * "Add N lines to the cart": the lines the preview showed as good go into the
 * cart in one transaction, each added to what the cart holds and checked
 * again by the cart itself (availability and quantity rules, the line
 * locked). If any of them cannot be added now, nothing is: the refusal names the line.
 */
export async function addBulkOrderToCart(
  db: Db,
  params: BulkOrderParams & { lines: number[] },
): Promise<{ added: number; units: number; summary: CartSummary }> {
  const preview = await previewBulkOrder(db, params);
  const wanted = new Set(params.lines);
  const chosen = preview.lines.filter((l) => wanted.has(l.line));
  const changed = chosen.find((l) => l.problem !== null) ?? (chosen.length < wanted.size ? null : undefined);
  if (changed === null) throw new Refusal('The list changed since the preview. Preview it again.', { code: 'conflict' });
  if (changed) throw lineRefusal(changed.line, changed.sku, changed.problem!);
  return db.transaction(async (tx) => {
    let units = 0;
    for (const l of chosen) {
      try {
        const change = await addToCart(tx, { sellerId: params.sellerId, portalAccountId: params.portalAccountId, productId: l.productId!, quantity: l.quantity! });
        units += change.added;
      } catch (error) {
        if (isRefusal(error)) throw lineRefusal(l.line, l.sku, error.message);
        throw error;
      }
    }
    return { added: chosen.length, units, summary: await cartSummary(tx, params) };
  });
}

function lineRefusal(line: number, sku: string, reason: string): Refusal {
  return new Refusal(`Line ${line} (${sku}) cannot be added now: ${reason} Nothing was added; preview the list again.`, {
    code: 'refused',
    problems: [{ line, value: sku, reason }],
  });
}
