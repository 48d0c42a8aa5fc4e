import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { cartLines } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { productLabel } from '@/lib/portal/product-label';
import { accountOrganization, joinFirstBreak, joinPriceList, unitPriceAt, unitPriceOfOne } from './pricing';
import { CAN_ADD_FIELD } from '@/lib/validation/cart';
import { addRefusalMessage, availableText, notEnoughOf, quantityDisplayOf, revealable, type QuantityDisplay } from '@/lib/portal/quantity-display';
import { largestAllowedUpTo, ruleProblem, rulesOf, type QuantityRules } from '@/lib/portal/quantity-rules';
import type { CartSummary } from '@/lib/validation/cart';
import { cartSummaryColumn, parseCartSummary } from './cart-summary';

/**
 * The cart of one portal account. It reserves nothing: quantities are checked
 * against what is available now, when a line is added or changed, and again
 * at checkout.
 */
export type CartScope = { sellerId: number; portalAccountId: number };

/**
 * A cart change refused with a message for the customer, shown at the
 * quantity field; thrown inside the transaction so nothing is written.
 */
function cartRefusal(message: string, canAdd?: number): Refusal {
  const fieldErrors: Record<string, string[]> = { quantity: [message] };
  // The most that can still be added, so the screen can offer it ("Add 10").
  if (canAdd !== undefined && canAdd > 0) fieldErrors[CAN_ADD_FIELD] = [String(canAdd)];
  return new Refusal(message, { fieldErrors });
}


export type SellableProduct = {
  id: number;
  sku: string;
  manufacturer: string;
  model: string;
  capacity: string;
  color: string;
  network: string;
  grade: string;
  /**
   * What the buyer pays per unit (their price list at the line's quantity, see
   * db/queries/pricing.ts; one unit outside a cart); null: price on request.
   */
  price: number | null;
  /** What may be ordered now: the available quantity, or 0 while the product is unpriced for the buyer and hidden. */
  available: number;
  /** The product's minimum order quantity and order increment. */
  rules: QuantityRules;
  /** How the seller shows available quantities: every message about `available` goes through lib/portal/quantity-display.ts. */
  display: QuantityDisplay;
};

/** The columns {@link readSellable} turns into `rules` and `display`; needs `p` and `ps` (portal_settings). */
export const ruleColumns = sql`p.min_order_quantity as "minOrderQuantity", p.order_increment as "orderIncrement",
  ps.quantity_display as "quantityDisplay", ps.quantity_cap as "quantityCap"`;

type RawSellable = Omit<SellableProduct, 'rules' | 'display' | 'price' | 'available'> & {
  price: unknown;
  available: unknown;
  minOrderQuantity: unknown;
  orderIncrement: unknown;
  quantityDisplay: unknown;
  quantityCap: unknown;
};

/** A row selected with {@link ruleColumns} as a {@link SellableProduct} (and whatever else it carries). */
export function readSellable<R extends RawSellable>(row: R) {
  const { minOrderQuantity, orderIncrement, quantityDisplay, quantityCap, ...rest } = row;
  return {
    ...rest,
    price: row.price === null || row.price === undefined ? null : Number(row.price),
    available: Number(row.available ?? 0),
    rules: rulesOf({ minOrderQuantity, orderIncrement }),
    display: quantityDisplayOf(quantityDisplay, quantityCap),
  };
}

/**
 * The available quantity as the customer may order it (one expression shared
 * by cart and checkout); needs the buyer's price list joined (`pl`, `b1`) by {@link buyerPricing}.
 */
export const sellableQuantity = sql`case when ${unitPriceOfOne} is null and coalesce(ps.hide_unpriced, false) then 0 else coalesce(a.quantity, 0) end`;

/** Joins the cart owner's price list and its one-unit prices, for {@link sellableQuantity} and `unitPriceAt`. */
export function buyerPricing(params: CartScope): SQL {
  return sql`${joinPriceList({ sellerId: params.sellerId, organizationId: accountOrganization(params) })} ${joinFirstBreak}`;
}

/** A product of this seller with what can be ordered of it now; null for an unknown or another seller's id. */
export async function sellableProduct(db: DbOrTx, params: CartScope & { productId: number }) {
  const [row] = await queryRows<RawSellable>(db, sql`
    select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceOfOne} as price, ${sellableQuantity} as available, ${ruleColumns}
    from products p
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    ${buyerPricing(params)}
    where p.id = ${params.productId} and p.seller_id = ${params.sellerId}`);
  return row ? readSellable(row) : null;
}

function lineOf(params: CartScope & { productId: number }) {
  return and(
    eq(cartLines.sellerId, params.sellerId),
    eq(cartLines.portalAccountId, params.portalAccountId),
    eq(cartLines.productId, params.productId),
  );
}

function assertQuantity(quantity: number) {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw cartRefusal('The quantity must be a whole number of at least 1.');
  }
}

async function requireSellable(db: DbOrTx, params: CartScope & { productId: number }) {
  const product = await sellableProduct(db, params);
  if (!product) throw cartRefusal('This product is not available.');
  if (product.available <= 0) throw cartRefusal(`${productLabel(product)} is no longer available.`);
  return product;
}

export type CartLineChange = {
  productId: number;
  /** The line's quantity after the change. */
  quantity: number;
  /** How many were added by this call (less than asked when capped). */
  added: number;
  /** What is available now: for the data layer only (actions leave it out; messages go through lib/portal/quantity-display.ts). */
  available: number;
  display: QuantityDisplay;
  capped: boolean;
  summary: CartSummary;
};

/**
 * Adds a quantity of a product to the account's cart. The line may not exceed
 * what is available now: above it the call is refused (`overLimit: 'refuse'`,
 * the default) or the line is capped at it (`'cap'`, e.g. for "order again").
 * Run it inside a transaction: a refusal throws and leaves the cart as it was.
 */
export async function addToCart(
  tx: DbOrTx,
  params: CartScope & { productId: number; quantity: number; overLimit?: 'refuse' | 'cap' },
): Promise<CartLineChange> {
  assertQuantity(params.quantity);
  const product = await requireSellable(tx, params);
  const [existing] = await tx
    .select({ quantity: cartLines.quantity })
    .from(cartLines)
    .where(lineOf(params))
    .for('update');
  const before = existing?.quantity ?? 0;
  const label = productLabel(product);
  let quantity = before + params.quantity;
  let capped = false;
  const broken = ruleProblem(quantity, product.rules, label);
  if (broken && params.overLimit !== 'cap') throw cartRefusal(broken);
  if (quantity > product.available || broken) {
    // The most the line may hold: within what is available and the product's rules.
    const most = largestAllowedUpTo(product.available, product.rules);
    if (params.overLimit !== 'cap') {
      // Said in the row of the product, so the message need not name it.
      const room = Math.max(0, most - before);
      throw cartRefusal(
        addRefusalMessage({ inCart: before, wanted: quantity, available: product.available, display: product.display }),
        revealable(room, product.available, product.display) ?? undefined,
      );
    }
    // Filling the line up to a limit the buyer may not see would tell them the limit: then nothing is added.
    const hiddenLimit = quantity > product.available && revealable(1, product.available, product.display) === null;
    quantity = hiddenLimit ? before : Math.min(largestAllowedUpTo(quantity, product.rules), most);
    capped = true;
    if (quantity <= before) {
      return { productId: product.id, quantity: before, added: 0, available: product.available, display: product.display, capped, summary: await cartSummary(tx, params) };
    }
  }
  // A set value, not an increment: the locked line (or, for a new line, the
  // primary key) keeps two concurrent adds from going above what was checked.
  await tx
    .insert(cartLines)
    .values({ sellerId: params.sellerId, portalAccountId: params.portalAccountId, productId: product.id, quantity })
    .onConflictDoUpdate({
      target: [cartLines.portalAccountId, cartLines.productId],
      set: { quantity, updatedAt: new Date() },
    });
  return {
    productId: product.id,
    quantity,
    added: quantity - before,
    available: product.available,
    display: product.display,
    capped,
    summary: await cartSummary(tx, params),
  };
}

/** Sets a cart line to an exact quantity, from 1 up to what is available now. */
export async function setCartQuantity(
  tx: DbOrTx,
  params: CartScope & { productId: number; quantity: number },
): Promise<CartLineChange> {
  assertQuantity(params.quantity);
  const product = await sellableProduct(tx, params);
  if (!product) throw cartRefusal('This product is not available.');
  const label = productLabel(product);
  if (product.available <= 0) {
    throw cartRefusal(`${label} is no longer available. Remove it from your cart.`);
  }
  const broken = ruleProblem(params.quantity, product.rules, label);
  if (broken) throw cartRefusal(broken);
  if (params.quantity > product.available) {
    throw cartRefusal(notEnoughOf({ label, wanted: params.quantity, available: product.available, display: product.display }));
  }
  const [line] = await tx
    .update(cartLines)
    .set({ quantity: params.quantity, updatedAt: new Date() })
    .where(lineOf(params))
    .returning({ quantity: cartLines.quantity });
  if (!line) throw cartRefusal(`${label} is not in your cart any more.`);
  return {
    productId: product.id,
    quantity: line.quantity,
    added: 0,
    available: product.available,
    display: product.display,
    capped: false,
    summary: await cartSummary(tx, params),
  };
}

/** Removes a line; removing a line that is not there is not an error (two tabs). */
export async function removeFromCart(db: DbOrTx, params: CartScope & { productId: number }): Promise<CartSummary> {
  await db.delete(cartLines).where(lineOf(params));
  return cartSummary(db, params);
}

/** Lines and units in the cart, for the header badge. */
export async function cartSummary(db: DbOrTx, params: CartScope): Promise<CartSummary> {
  // One statement; signed-in pages get the same numbers with their session check (cart-summary.ts).
  const [row] = await queryRows<{ summary: unknown }>(db, sql`select ${cartSummaryColumn(params)} as summary`);
  return parseCartSummary(row?.summary);
}

export type CartLineView = SellableProduct & {
  productId: number;
  quantity: number;
  /** ok; short: fewer available than in the cart; unavailable: none left (or no longer offered); rules: breaks the product's quantity rules. */
  problem: null | 'short' | 'unavailable' | 'rules';
  /** What the line says about availability, as the seller's quantity display allows ("12 available", "50+ available", "In stock"). */
  availableText: string;
  /** For a short line: the allowed quantity to change to, when the setting lets it be shown. */
  changeTo: number | null;
  /** Why the quantity breaks the rules, naming the line; null when it keeps them. */
  ruleProblem: string | null;
};

/** The cart with each line's current price and availability, oldest line first. */
export async function cartContents(db: DbOrTx, params: CartScope) {
  const rows = await queryRows<RawSellable & { productId: number; quantity: number; minOrderValue: unknown }>(db, sql`
    select c.product_id as "productId", c.quantity,
      p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceAt(sql`c.quantity`)} as price, ${sellableQuantity} as available, ${ruleColumns},
      ps.min_order_value as "minOrderValue"
    from cart_lines c
    join products p on p.id = c.product_id and p.seller_id = c.seller_id
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    ${buyerPricing(params)}
    where c.seller_id = ${params.sellerId} and c.portal_account_id = ${params.portalAccountId}
    order by c.added_at, c.product_id`);
  const minOrderValue = rows[0]?.minOrderValue == null ? null : Number(rows[0].minOrderValue);
  const lines: CartLineView[] = rows.map((raw) => {
    const { minOrderValue: _minimum, ...r } = readSellable(raw);
    void _minimum;
    const broken = ruleProblem(r.quantity, r.rules, productLabel(r));
    return {
      ...r,
      problem: r.available <= 0 ? 'unavailable' : r.available < r.quantity ? 'short' : broken ? 'rules' : null,
      availableText: availableText(r.available, r.display),
      changeTo: r.available < r.quantity ? revealable(largestAllowedUpTo(r.available, r.rules), r.available, r.display) || null : null,
      ruleProblem: broken,
    };
  });
  const priced = lines.filter((l) => l.price !== null);
  const subtotal = priced.reduce((sum, l) => sum + l.price! * l.quantity, 0);
  return {
    lines,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    /** Minor units, priced lines only. */
    subtotal,
    /** The seller's minimum order value (minor units), and whether the priced subtotal is below it. */
    minOrderValue,
    belowMinimum: minOrderValue !== null && subtotal < minOrderValue,
    toBeQuoted: lines.length - priced.length,
    hasProblems: lines.some((l) => l.problem !== null),
  };
}

export type CartContents = Awaited<ReturnType<typeof cartContents>>;
