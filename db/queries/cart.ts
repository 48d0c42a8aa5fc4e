import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { queryRows } from '@/db/rows';
import { cartLines } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { productLabel } from '@/lib/portal/product-label';
import { accountOrganization, joinFirstBreak, joinPriceList, unitPriceAt, unitPriceOfOne } from './pricing';
import { CAN_ADD_FIELD } from '@/lib/validation/cart';
import type { CartSummary } from '@/lib/validation/cart';

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
};

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
  const [row] = await queryRows<SellableProduct>(db, sql`
    select p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceOfOne} as price, ${sellableQuantity} as available
    from products p
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    ${buyerPricing(params)}
    where p.id = ${params.productId} and p.seller_id = ${params.sellerId}`);
  return row ? { ...row, price: row.price === null ? null : Number(row.price), available: Number(row.available) } : null;
}

const isAre = (n: number) => (n === 1 ? 'is' : 'are');

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
  available: number;
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
  let quantity = before + params.quantity;
  let capped = false;
  if (quantity > product.available) {
    if (params.overLimit !== 'cap') {
      // Said in the row of the product, so the message need not name it.
      const room = Math.max(0, product.available - before);
      throw cartRefusal(
        before === 0
          ? `Only ${product.available} available.`
          : room
            ? `${before} in your cart; ${room} more available.`
            : `All ${product.available} available are in your cart.`,
        room,
      );
    }
    quantity = product.available;
    capped = true;
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
  if (params.quantity > product.available) {
    throw cartRefusal(`Only ${product.available} of ${label} ${isAre(product.available)} available.`);
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
  const [row] = await db
    .select({ lines: sql<number>`count(*)::int`, units: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
    .from(cartLines)
    .where(and(eq(cartLines.sellerId, params.sellerId), eq(cartLines.portalAccountId, params.portalAccountId)));
  return { lines: Number(row?.lines ?? 0), units: Number(row?.units ?? 0) };
}

export type CartLineView = SellableProduct & {
  productId: number;
  quantity: number;
  /** ok; short: fewer available than in the cart; unavailable: none left (or no longer offered). */
  problem: null | 'short' | 'unavailable';
};

/** The cart with each line's current price and availability, oldest line first. */
export async function cartContents(db: DbOrTx, params: CartScope) {
  const rows = await queryRows<SellableProduct & { productId: number; quantity: number }>(db, sql`
    select c.product_id as "productId", c.quantity,
      p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceAt(sql`c.quantity`)} as price, ${sellableQuantity} as available
    from cart_lines c
    join products p on p.id = c.product_id and p.seller_id = c.seller_id
    left join product_availability a on a.product_id = p.id
    left join portal_settings ps on ps.seller_id = p.seller_id
    ${buyerPricing(params)}
    where c.seller_id = ${params.sellerId} and c.portal_account_id = ${params.portalAccountId}
    order by c.added_at, c.product_id`);
  const lines: CartLineView[] = rows.map((r) => {
    const available = Number(r.available);
    return {
      ...r,
      price: r.price === null ? null : Number(r.price),
      available,
      problem: available <= 0 ? 'unavailable' : available < r.quantity ? 'short' : null,
    };
  });
  const priced = lines.filter((l) => l.price !== null);
  return {
    lines,
    units: lines.reduce((sum, l) => sum + l.quantity, 0),
    /** Minor units, priced lines only. */
    subtotal: priced.reduce((sum, l) => sum + l.price! * l.quantity, 0),
    toBeQuoted: lines.length - priced.length,
    hasProblems: lines.some((l) => l.problem !== null),
  };
}

export type CartContents = Awaited<ReturnType<typeof cartContents>>;
