/**
 * A product's quantity rules: a minimum order quantity (MOQ) and an order
 * increment (sold in packs of N). A line's quantity must be at least the
 * minimum and a multiple of the increment. Checked by the cart, checkout and
 * bulk ordering on the server; the screens show them with {@link describeRules}.
 */
export type QuantityRules = { minOrderQuantity: number; orderIncrement: number };

export const NO_RULES: QuantityRules = { minOrderQuantity: 1, orderIncrement: 1 };

export function rulesOf(row: { minOrderQuantity?: unknown; orderIncrement?: unknown }): QuantityRules {
  const min = Number(row.minOrderQuantity ?? 1);
  const inc = Number(row.orderIncrement ?? 1);
  return { minOrderQuantity: min >= 1 ? min : 1, orderIncrement: inc >= 1 ? inc : 1 };
}

/** The smallest quantity the rules allow. */
export function smallestAllowed(rules: QuantityRules): number {
  const { minOrderQuantity: min, orderIncrement: inc } = rules;
  return Math.ceil(min / inc) * inc;
}

/** The largest allowed quantity not above `limit`, or 0 when none is. */
export function largestAllowedUpTo(limit: number, rules: QuantityRules): number {
  const top = Math.floor(limit / rules.orderIncrement) * rules.orderIncrement;
  return top >= smallestAllowed(rules) ? top : 0;
}

/** "Min 5 · packs of 5", "Min 10", "Packs of 5"; null without rules. */
export function describeRules(rules: QuantityRules): string | null {
  const parts: string[] = [];
  if (rules.minOrderQuantity > 1 && rules.minOrderQuantity !== rules.orderIncrement) parts.push(`Min ${rules.minOrderQuantity}`);
  if (rules.orderIncrement > 1) parts.push(rules.minOrderQuantity === rules.orderIncrement ? `Min ${rules.orderIncrement} · packs of ${rules.orderIncrement}` : `packs of ${rules.orderIncrement}`);
  if (!parts.length) return null;
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why a line quantity breaks the rules, naming the line ("iPhone 13 … is sold
 * in packs of 5: order 5, 10, 15…", "Order at least 10 of iPhone 13 …"); null when it keeps them.
 */
export function ruleProblem(quantity: number, rules: QuantityRules, label: string): string | null {
  const { minOrderQuantity: min, orderIncrement: inc } = rules;
  if (quantity % inc !== 0) {
    const first = smallestAllowed(rules);
    return `${label} is sold in packs of ${inc}: order ${first}, ${first + inc}, ${first + 2 * inc}…`;
  }
  if (quantity < min) return `Order at least ${min} of ${label}.`;
  return null;
}
