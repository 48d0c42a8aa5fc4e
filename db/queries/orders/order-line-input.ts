import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { products } from '@/db/schema';
import { readMoney } from '@/lib/money';
import { Refusal } from '@/lib/refusal';

/** A line as staff typed it: the price is text in the seller's currency; empty means the list price. */
export type OrderLineInput = { productId: number; quantity: number; unitPrice?: string | null };

export const MAX_LINE_QUANTITY = 100_000;

/** Reads a typed unit price: empty keeps the list price (which may be "to be quoted"). */
export function readUnitPrice(
  text: string | null | undefined,
  listPrice: number | null,
  currency: string,
): { ok: true; value: number | null } | { ok: false; message: string } {
  if (text == null || text.trim() === '') return { ok: true, value: listPrice };
  const reading = readMoney(text, currency);
  if (reading.ok) return { ok: true, value: reading.minor };
  if (reading.problem === 'too_large') return { ok: false, message: `The unit price is too large. ${reading.message}` };
  return { ok: false, message: `"${text.slice(0, 30)}" is not an amount. ${reading.message}` };
}

export function quantityProblem(quantity: number): string | null {
  if (!Number.isInteger(quantity) || quantity < 1) return 'Quantity must be a whole number of at least 1.';
  if (quantity > MAX_LINE_QUANTITY) return `Quantity must be at most ${MAX_LINE_QUANTITY.toLocaleString('en-US')}.`;
  return null;
}

/**
 * Checks typed lines against the seller's products and prices them. Every
 * problem is reported by field (`lines.N.quantity`, …); nothing is written.
 */
export async function resolveOrderLines(
  tx: DbOrTx,
  params: { sellerId: number; currency: string; lines: OrderLineInput[]; existingProductIds?: number[] },
) {
  const ids = [...new Set(params.lines.map((l) => l.productId))];
  const found = ids.length
    ? await tx
        .select()
        .from(products)
        .where(and(eq(products.sellerId, params.sellerId), inArray(products.id, ids)))
    : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const errors: Record<string, string[]> = {};
  const seen = new Set(params.existingProductIds ?? []);
  const resolved = params.lines.map((line, i) => {
    const product = byId.get(line.productId);
    if (!product) {
      errors[`lines.${i}.productId`] = ['That product was not found.'];
      return null;
    }
    if (seen.has(product.id)) {
      errors[`lines.${i}.productId`] = [`${product.sku} is already on this order; change that line's quantity instead.`];
    }
    seen.add(product.id);
    const qp = quantityProblem(line.quantity);
    if (qp) errors[`lines.${i}.quantity`] = [qp];
    const price = readUnitPrice(line.unitPrice, product.listPrice, params.currency);
    if (!price.ok) errors[`lines.${i}.unitPrice`] = [price.message];
    return { product, quantity: line.quantity, unitPrice: price.ok ? price.value : null };
  });
  const messages = Object.values(errors).flat();
  if (messages.length) {
    throw new Refusal(messages.length === 1 ? messages[0]! : 'Some lines need fixing; nothing was saved.', { fieldErrors: errors });
  }
  return resolved.filter((l): l is NonNullable<typeof l> => l !== null);
}
