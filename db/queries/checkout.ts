import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { isUniqueViolation } from '@/db/errors';
import { queryRows } from '@/db/rows';
import {
  cartLines,
  invoices,
  orderStatuses,
  organizations,
  portalAccounts,
  paymentMethods,
  portalPaymentMethods,
  portalSettings,
  salesChannels,
  salesOrderLines,
  salesOrders,
  sellers,
  type ShipTo,
} from '@/db/schema';
import { enqueueEmail, enqueueEmails, type OutgoingEmail } from '@/lib/email/outbox';
import { newPortalOrderEmail } from '@/lib/email/templates/new-portal-order';
import { orderConfirmationEmail } from '@/lib/email/templates/order-confirmation';
import { lineAmount, MAX_TOTAL_MINOR, totalProblem } from '@/lib/money';
import { describeProduct } from '@/lib/products';
import { portalUrl, publicUrl } from '@/lib/public-url';
import { recordAudit } from './audit';
import { emailBrand, findSellerBrand } from './seller-brand';
import { portalOrderRecipientEmails } from './settings/portal-order-recipients';
import { productLabel } from '@/lib/portal/product-label';
import { Refusal, type RefusalCode } from '@/lib/refusal';
import type { CheckoutValues } from '@/lib/validation/checkout';
import { buyerPricing, readSellable, ruleColumns, sellableQuantity, type SellableProduct } from './cart';
import { shortLineText } from '@/lib/portal/quantity-display';
import { ruleProblem } from '@/lib/portal/quantity-rules';
import { formatMoney } from '@/lib/money';
import { unitPriceAt } from './pricing';
import { documentNumber } from './document-numbers';
import { insertInvoiceLines, insertInvoiceRow, invoiceDraft, invoiceEmailFor } from './invoices/create-invoice';
import { sellerCurrency } from './orders/lock-order';
import { orderShipTo } from './ship-to-addresses/order-ship-to';
import { holdPickedUnits, pickedUnits, type PickedUnit } from './portal/units/pick-units';

/** A line above what is available now; `text` says so as the seller's quantity display allows (the only part a screen shows). */
export type ShortLine = { productId: number; label: string; inCart: number; available: number; text: string };

export type CheckoutRefusalCode = Extract<
  RefusalCode,
  'closed' | 'not_ready' | 'payment_method' | 'empty' | 'short' | 'key_taken' | 'too_large' | 'quantity_rules' | 'below_minimum'
>;
// A ship-to address of another organization is refused by orderShipTo as `not_found`.

/** A checkout refused with a message for the customer; nothing was written. `short` lists the lines above what is available. */
export type CheckoutRefusal = Refusal<{ shortLines: ShortLine[] }>;

function checkoutRefusal(code: CheckoutRefusalCode, message: string, shortLines: ShortLine[] = []): CheckoutRefusal {
  const fieldErrors = code === 'payment_method' ? { paymentMethodId: [message] } : undefined;
  return new Refusal(message, { code, fieldErrors, details: { shortLines } });
}

/**
 * Whether the seller's portal can take orders, and what it offers. Ordering
 * needs an initial order status, a sales channel and at least one payment
 * method; without them the portal says so instead of half-working.
 */
/** A payment method the portal offers at checkout. */
type OfferedMethod = { id: number; name: string; instructions: string };

export async function checkoutReadiness(db: DbOrTx, params: { sellerId: number }) {
  // One statement (For Sale asks on every view): the settings with the payment methods offered, as JSON.
  const [settings] = await db
    .select({
      enabled: portalSettings.enabled,
      autoInvoice: portalSettings.autoInvoice,
      invoiceDueDays: portalSettings.invoiceDueDays,
      statusId: orderStatuses.id,
      channelId: salesChannels.id,
      methods: sql<OfferedMethod[] | string>`coalesce((
        select json_agg(json_build_object('id', m.id, 'name', m.name, 'instructions', m.instructions) order by m.name)
        from ${portalPaymentMethods} pm
        join ${paymentMethods} m on m.id = pm.payment_method_id and m.seller_id = pm.seller_id
        where pm.seller_id = ${portalSettings.sellerId}), '[]'::json)`,
    })
    .from(portalSettings)
    .leftJoin(
      orderStatuses,
      and(eq(orderStatuses.id, portalSettings.initialOrderStatusId), eq(orderStatuses.sellerId, portalSettings.sellerId)),
    )
    .leftJoin(
      salesChannels,
      and(eq(salesChannels.id, portalSettings.salesChannelId), eq(salesChannels.sellerId, portalSettings.sellerId)),
    )
    .where(eq(portalSettings.sellerId, params.sellerId))
    .limit(1);
  // postgres.js parses json; PGlite may hand it over as text.
  const methods: OfferedMethod[] = typeof settings?.methods === 'string' ? JSON.parse(settings.methods) : (settings?.methods ?? []);
  const missing: string[] = [];
  if (!settings?.statusId) missing.push('initial order status');
  if (!settings?.channelId) missing.push('sales channel');
  if (!methods.length) missing.push('payment method');
  return {
    enabled: settings?.enabled ?? false,
    ready: Boolean(settings?.enabled) && missing.length === 0,
    /** For staff-facing logs; customers see a plain sentence. */
    missing,
    statusId: settings?.statusId ?? null,
    channelId: settings?.channelId ?? null,
    autoInvoice: settings?.autoInvoice ?? false,
    invoiceDueDays: settings?.invoiceDueDays ?? null,
    paymentMethods: methods,
  };
}

export type CheckoutReadiness = Awaited<ReturnType<typeof checkoutReadiness>>;

/**
 * `checkoutReadiness(...).ready` as one SQL boolean, for a view that only
 * says whether ordering is open: For Sale selects it with its catalog version
 * (db/queries/for-sale-cache.ts) instead of a statement of its own. The same
 * rule: the portal enabled, its initial status and channel the seller's own,
 * and at least one payment method offered (test/integration/checkout.test.ts
 * checks the two agree in every state).
 */
export function orderingReadySql(sellerId: number) {
  return sql<boolean>`exists (
    select 1 from ${portalSettings} ps
    join ${orderStatuses} os on os.id = ps.initial_order_status_id and os.seller_id = ps.seller_id
    join ${salesChannels} sc on sc.id = ps.sales_channel_id and sc.seller_id = ps.seller_id
    where ps.seller_id = ${sellerId} and ps.enabled
      and exists (
        select 1 from ${portalPaymentMethods} pm
        join ${paymentMethods} m on m.id = pm.payment_method_id and m.seller_id = pm.seller_id
        where pm.seller_id = ps.seller_id))`;
}

export type PlaceOrderParams = Omit<CheckoutValues, 'shipToAddressId'> & {
  /** Chosen at checkout; left out, the organization's default. */
  shipToAddressId?: number | null;
  sellerId: number;
  organizationId: number;
  portalAccountId: number;
};

export type PlacedOrderResult = {
  orderId: number;
  number: number;
  /** True when this key had already placed the order (a double click, a retry). */
  alreadyPlaced: boolean;
  invoiceId: number | null;
};

async function orderByKey(db: DbOrTx, sellerId: number, key: string) {
  const [order] = await db
    .select({ id: salesOrders.id, number: salesOrders.number, placedByAccountId: salesOrders.placedByAccountId })
    .from(salesOrders)
    .where(and(eq(salesOrders.sellerId, sellerId), eq(salesOrders.idempotencyKey, key)))
    .limit(1);
  if (!order) return null;
  const [invoice] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.sellerId, sellerId), eq(invoices.orderId, order.id)))
    .orderBy(asc(invoices.id))
    .limit(1);
  return { ...order, invoiceId: invoice?.id ?? null };
}

function existingOrder(order: NonNullable<Awaited<ReturnType<typeof orderByKey>>>, portalAccountId: number): PlacedOrderResult {
  if (order.placedByAccountId !== portalAccountId) {
    throw checkoutRefusal('key_taken', 'This checkout form was already used. Reload the checkout page and try again.');
  }
  return { orderId: order.id, number: order.number, alreadyPlaced: true, invoiceId: order.invoiceId };
}


/**
 * Turns the account's cart into one sales order, in one transaction: prices
 * and availability are read again here, lines above what is available now are
 * refused by name (nothing written), the order takes the portal's initial
 * status and channel, the cart is emptied, and with auto invoice the invoice
 * is created and its email queued. The same idempotency key never makes a
 * second order.
 */
export async function placeOrder(db: DbOrTx, params: PlaceOrderParams): Promise<PlacedOrderResult> {
  try {
    return await db.transaction((tx) => placeOrderIn(tx, params));
  } catch (error) {
    // Two submissions raced past the key check; the loser finds the winner's order.
    if (isUniqueViolation(error, 'sales_orders_seller_idempotency_unique')) {
      const order = await orderByKey(db, params.sellerId, params.idempotencyKey);
      if (order) return existingOrder(order, params.portalAccountId);
    }
    throw error;
  }
}

/**
 * One line of a portal order: the product, its quantity, the unit price it is
 * ordered at (the cart's current price, or a quote's quoted price), what is
 * available of it now, and the seller's minimum order value.
 */
export type PortalOrderLine = SellableProduct & {
  productId: number;
  quantity: number;
  minOrderValue: number | null;
  /** A line of units the buyer picked: exactly these are held for it (and later committed). */
  units?: PickedUnit[];
};

/** What a portal order needs besides its lines; a quote's order has no idempotency key (the locked quote row makes it once). */
export type PortalOrderParams = Omit<PlaceOrderParams, 'idempotencyKey'> & {
  idempotencyKey: string | null;
  /** The accepted quote the order comes from, named in the owners' email and the audit entry. */
  quoteNumber?: number;
  /** Where the short lines' quantities are, in the refusal ("in your cart", "on the quote"). */
  linesAre?: string;
  /**
   * A quote's quantities and prices were agreed with staff: its order is not
   * held to the pack sizes and minimum order value a cart is.
   */
  agreed?: boolean;
};

async function placeOrderIn(tx: DbOrTx, params: PlaceOrderParams): Promise<PlacedOrderResult> {
  const { sellerId, portalAccountId } = params;
  // Sent together (postgres.js pipelines one transaction's statements); PostgreSQL still runs them in order,
  // so the key is looked up after the cart's lines and picked units are locked.
  const [productLines, units, previous] = await Promise.all([
    lockCartLines(tx, params),
    pickedUnits(tx, { sellerId, portalAccountId, lock: true }),
    orderByKey(tx, sellerId, params.idempotencyKey),
  ]);
  if (previous) return existingOrder(previous, portalAccountId);
  const gone = units.filter((u) => !u.available);
  if (gone.length) {
    throw checkoutRefusal(
      'short',
      `${gone.length === 1 ? 'A unit you picked is' : 'Units you picked are'} no longer available: ${gone.map((u) => u.identifierTail).join(', ')}. Remove ${gone.length === 1 ? 'it' : 'them'} from your cart and check out again.`,
    );
  }
  const lines = [...productLines, ...(await pickedUnitLines(tx, params, units))];
  const placed = await placePortalOrderIn(tx, params, lines, async () => {
    if (units.length) await tx.execute(sql`delete from cart_units where seller_id = ${sellerId} and portal_account_id = ${portalAccountId}`);
    await tx.delete(cartLines).where(
      and(
        eq(cartLines.sellerId, sellerId),
        eq(cartLines.portalAccountId, portalAccountId),
        inArray(cartLines.productId, lines.map((l) => l.productId)),
      ),
    );
  });
  return { ...placed, alreadyPlaced: false };
}

/**
 * The one way a portal order is placed, from lines the caller has read and
 * locked in this transaction (checkout's cart, an accepted quote): the portal
 * must be open and set up, the payment method offered, the lines not empty
 * and none above what is available now (refused by name, nothing written);
 * the order takes the portal's initial status and channel and its ship-to,
 * is audited and announced, and with auto invoice gets its invoice and email.
 * `beforeNumbering` runs after the checks, before the order number is taken.
 */
export async function placePortalOrderIn(
  tx: DbOrTx,
  params: PortalOrderParams,
  lines: PortalOrderLine[],
  beforeNumbering?: () => Promise<void>,
): Promise<Omit<PlacedOrderResult, 'alreadyPlaced'>> {
  const { sellerId } = params;
  // Everything that needs no order number is read, checked and written first:
  // the number's counter row stays locked from the order's INSERT until commit,
  // and every other checkout of the seller waits on it (npm run bench: 16
  // buyers at once). The reads go out together, and so do the writes after
  // the number (postgres.js pipelines the statements of one transaction sent
  // at once): a few round trips, not one per statement.
  const [readiness, shipTo, announcement] = await Promise.all([
    assertCanPlace(tx, params, lines),
    orderShipTo(tx, { sellerId, organizationId: params.organizationId, addressId: params.shipToAddressId }),
    portalOrderAudience(tx, params),
  ]);
  const tooLarge = portalOrderTotalProblem(lines, announcement.currency);
  if (tooLarge) throw checkoutRefusal('too_large', tooLarge);
  await beforeNumbering?.();

  const { orderId, number } = await insertOrder(tx, { ...params, shipTo }, readiness);
  const [, , invoiceId] = await Promise.all([
    tx
      .insert(salesOrderLines)
      .values(
        lines.map((l, position) => ({
          sellerId,
          orderId,
          productId: l.productId,
          quantity: l.quantity,
          unitPrice: l.price === null ? null : Number(l.price),
          position,
        })),
      )
      .returning({ id: salesOrderLines.id, position: salesOrderLines.position })
      .then((inserted) =>
        holdPickedUnits(tx, {
          sellerId,
          orderId,
          holds: inserted.flatMap((row) =>
            (lines[row.position]?.units ?? []).map((u) => ({ orderLineId: row.id, deviceId: u.deviceId, identifierTail: u.identifierTail })),
          ),
        }),
      ),
    announcePortalOrder(tx, { ...params, orderId, number, lines, ...announcement }),
    readiness.autoInvoice ? invoicePortalOrder(tx, { ...params, orderId, number, lines, readiness, ...announcement }) : null,
  ]);
  return { orderId, number, invoiceId };
}

/**
 * With auto invoice, the order's invoice and its email, from what checkout
 * already holds (no reads): numbered in its INSERT, its lines and email
 * written together. Only queued here; a failing email provider cannot touch
 * the order.
 */
async function invoicePortalOrder(
  tx: DbOrTx,
  params: PortalOrderParams & { orderId: number; number: number; lines: PortalOrderLine[]; readiness: CheckoutReadiness } & Awaited<
      ReturnType<typeof portalOrderAudience>
    >,
): Promise<number> {
  const { sellerId, who } = params;
  const method = params.readiness.paymentMethods.find((m) => m.id === params.paymentMethodId) ?? null;
  const draft = invoiceDraft({
    sellerId,
    orderId: params.orderId,
    currency: params.currency,
    dueDays: params.readiness.invoiceDueDays,
    method,
    lines: params.lines.map((l) => ({
      productId: l.productId,
      description: describeProduct(l),
      quantity: l.quantity,
      unitPrice: l.price === null ? null : Number(l.price),
    })),
  });
  const invoice = await insertInvoiceRow(tx, draft, { emailed: true });
  const email = invoiceEmailFor({
    brand: params.brand,
    invoice,
    orderNumber: params.number,
    organizationName: who.organizationName,
    poNumber: params.poNumber ?? null,
    lines: draft.lines.map((l, i) => ({ ...l, sku: params.lines[i]!.sku })),
  });
  await Promise.all([
    insertInvoiceLines(tx, invoice.id, draft),
    enqueueEmail(tx, { sellerId, kind: 'invoice', to: who.email, ...email }),
  ]);
  return invoice.id;
}

/** Why the order's priced lines cannot be added up (summed exactly, as integers), or null. */
function portalOrderTotalProblem(lines: PortalOrderLine[], currency: string): string | null {
  const total = lines.reduce((sum, l) => sum + BigInt(l.quantity) * BigInt(l.price === null ? 0 : String(l.price)), 0n);
  return total > BigInt(MAX_TOTAL_MINOR) ? totalProblem(MAX_TOTAL_MINOR + 1, currency) : null;
}

/** The cart with the buyer's current prices (their price list at each line's quantity) and availability. Locking the lines serializes two checkouts of one cart: the second waits, then finds it empty. */
async function lockCartLines(tx: DbOrTx, params: { sellerId: number; portalAccountId: number }): Promise<PortalOrderLine[]> {
  const rows = await queryRows<Parameters<typeof readSellable>[0] & { productId: number; quantity: number; minOrderValue: unknown }>(tx, sql`
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
    order by c.added_at, c.product_id
    for update of c`);
  return rows.map((r) => {
    const line = readSellable(r);
    return { ...line, minOrderValue: r.minOrderValue == null ? null : Number(r.minOrderValue) };
  });
}

/**
 * The picked units as order lines, one per product: priced like a cart line of that many units (the
 * buyer's price list at that quantity); each unit was checked above, so all of them are available.
 */
async function pickedUnitLines(tx: DbOrTx, params: { sellerId: number; portalAccountId: number }, units: PickedUnit[]): Promise<PortalOrderLine[]> {
  if (!units.length) return [];
  const byProduct = new Map<number, PickedUnit[]>();
  for (const u of units) byProduct.set(u.productId, [...(byProduct.get(u.productId) ?? []), u]);
  const ids = [...byProduct.keys()];
  const counts = ids.map((id) => byProduct.get(id)!.length);
  const rows = await queryRows<Parameters<typeof readSellable>[0] & { productId: number; quantity: number; minOrderValue: unknown }>(tx, sql`
    select c.product_id as "productId", c.quantity,
      p.id, p.sku, p.manufacturer, p.model, p.capacity, p.color, p.network, p.grade,
      ${unitPriceAt(sql`c.quantity`)} as price, c.quantity as available, ${ruleColumns},
      ps.min_order_value as "minOrderValue"
    from unnest(${`{${ids.join(',')}}`}::int[], ${`{${counts.join(',')}}`}::int[]) as c(product_id, quantity)
    join products p on p.id = c.product_id and p.seller_id = ${params.sellerId}
    left join portal_settings ps on ps.seller_id = p.seller_id
    ${buyerPricing(params)}
    order by c.product_id`);
  return rows.map((r) => {
    const line = readSellable(r);
    return { ...line, minOrderValue: r.minOrderValue == null ? null : Number(r.minOrderValue), units: byProduct.get(Number(r.productId)) ?? [] };
  });
}

/** Refuses an order the portal cannot take now: closed, not set up, an unoffered payment method, an empty cart, lines above what is available. */
async function assertCanPlace(tx: DbOrTx, params: PortalOrderParams, lines: PortalOrderLine[]) {
  const readiness = await checkoutReadiness(tx, { sellerId: params.sellerId });
  if (!readiness.enabled) throw checkoutRefusal('closed', 'This portal is not open.');
  if (!readiness.ready || !readiness.statusId || !readiness.channelId) {
    throw checkoutRefusal('not_ready', 'Ordering through the portal is not available yet. Your cart is saved.');
  }
  if (!readiness.paymentMethods.some((m) => m.id === params.paymentMethodId)) {
    throw checkoutRefusal('payment_method', 'Choose one of the payment methods offered.');
  }
  if (!lines.length) throw checkoutRefusal('empty', 'Your cart is empty.');

  const short: ShortLine[] = lines
    .filter((l) => l.quantity > l.available)
    .map((l) => {
      const label = productLabel(l);
      return { productId: l.productId, label, inCart: l.quantity, available: l.available, text: shortLineText({ label, inCart: l.quantity, available: l.available, display: l.display, linesAre: params.linesAre }) };
    });
  if (short.length) {
    throw checkoutRefusal('short', `Some lines are above what is available now. ${shortLineNames(short).join('; ')}.`, short);
  }
  if (!params.agreed) {
    const broken = lines.map((l) => ruleProblem(l.quantity, l.rules, productLabel(l))).filter((p): p is string => p !== null);
    if (broken.length) throw checkoutRefusal('quantity_rules', `Change these lines in your cart: ${broken.join(' ')}`);
    await assertMinimumOrderValue(tx, params, lines);
  }
  return { ...readiness, statusId: readiness.statusId, channelId: readiness.channelId };
}

/** How each short line reads for the customer (as the seller's quantity display allows). */
export function shortLineNames(short: ShortLine[]): string[] {
  return short.map((l) => l.text);
}

/** The seller's minimum order value, against the priced lines at this buyer's prices ("Orders start at $500.00; your cart is $320.00"). */
async function assertMinimumOrderValue(tx: DbOrTx, params: { sellerId: number }, lines: PortalOrderLine[]) {
  const minimum = lines[0]?.minOrderValue ?? null;
  if (minimum === null) return;
  const total = lines.reduce((sum, l) => sum + lineAmount({ quantity: l.quantity, unitPrice: l.price }), 0);
  if (total >= minimum) return;
  const currency = await sellerCurrency(tx, params.sellerId);
  throw checkoutRefusal('below_minimum', minimumOrderMessage({ minimum, total, currency }));
}

/** What the cart page and checkout say below the seller's minimum order value. */
export function minimumOrderMessage(params: { minimum: number; total: number; currency: string }): string {
  return `Orders start at ${formatMoney(params.minimum, params.currency)}; your cart is ${formatMoney(params.total, params.currency)}.`;
}

/** The order in the portal's initial status and channel, numbered in its own INSERT (the counter row is locked from here to commit). */
async function insertOrder(
  tx: DbOrTx,
  params: PortalOrderParams & { shipTo: ShipTo | null },
  readiness: { statusId: number; channelId: number },
) {
  const { sellerId } = params;
  const [order] = await tx
    .insert(salesOrders)
    .values({
      sellerId,
      number: documentNumber({ sellerId, kind: 'sales_order' }),
      organizationId: params.organizationId,
      placedByAccountId: params.portalAccountId,
      statusId: readiness.statusId,
      channelId: readiness.channelId,
      paymentMethodId: params.paymentMethodId,
      poNumber: params.poNumber,
      notes: params.notes,
      shipTo: params.shipTo,
      idempotencyKey: params.idempotencyKey,
    })
    .returning({ id: salesOrders.id, number: salesOrders.number });
  return { orderId: order!.id, number: order!.number };
}

/** Who placed the order, the seller's currency, brand and the staff to notify: what the order's audit entry and emails need. */
async function portalOrderAudience(tx: DbOrTx, params: { sellerId: number; portalAccountId: number }) {
  const { sellerId } = params;
  const [[row], staff, brand] = await Promise.all([
    tx
      .select({ name: portalAccounts.name, email: portalAccounts.email, organizationName: organizations.name, currency: sellers.currency })
      .from(portalAccounts)
      .innerJoin(organizations, and(eq(organizations.id, portalAccounts.organizationId), eq(organizations.sellerId, sellerId)))
      .innerJoin(sellers, eq(sellers.id, portalAccounts.sellerId))
      .where(and(eq(portalAccounts.id, params.portalAccountId), eq(portalAccounts.sellerId, sellerId)))
      .limit(1),
    portalOrderRecipientEmails(tx, { sellerId }),
    findSellerBrand(tx, sellerId),
  ]);
  if (!row) throw new Error(`Portal account ${params.portalAccountId} not found for seller ${sellerId}`);
  const { currency, ...who } = row;
  return { who, staff, currency, brand };
}

/**
 * A portal order is the buyer's act: it is audited with the portal account as
 * its actor, the buyer gets an order confirmation (never an IMEI: none is
 * committed yet) and the chosen staff (the owners by default) a "new portal
 * order" email, through the outbox. All are written in the order's
 * transaction, so a retried checkout (same key) finds the order and writes
 * none of them again.
 */
async function announcePortalOrder(
  tx: DbOrTx,
  params: PortalOrderParams & { orderId: number; number: number; lines: PortalOrderLine[] } & Awaited<ReturnType<typeof portalOrderAudience>>,
) {
  const { sellerId, who, staff, currency, brand } = params;
  const total = params.lines.reduce((sum, l) => sum + lineAmount({ quantity: l.quantity, unitPrice: l.price === null ? null : Number(l.price) }), 0);
  const audit = recordAudit(tx, {
    sellerId,
    actor: { label: who.name },
    action: 'order.place',
    entityType: 'sales_order',
    entityId: params.orderId,
    details: {
      number: params.number,
      total,
      lines: params.lines.length,
      organization: who.organizationName,
      portalAccountId: params.portalAccountId,
      ...(params.quoteNumber ? { quoteNumber: params.quoteNumber } : {}),
    },
  });
  const lines = params.lines.map((l) => ({ description: describeProduct(l), sku: l.sku, quantity: l.quantity, unitPrice: l.price === null ? null : Number(l.price) }));
  const confirmation = orderConfirmationEmail({
    brand: emailBrand(brand),
    orderNumber: params.number,
    buyerName: who.name,
    organizationName: who.organizationName,
    poNumber: params.poNumber ?? null,
    currency,
    total,
    orderUrl: portalUrl(brand.portal, `/orders/${params.number}`),
    lines,
  });
  const emails: OutgoingEmail[] = [{ sellerId, kind: 'order_confirmation', to: who.email, ...confirmation }];
  if (staff.length) {
    const email = newPortalOrderEmail({
      brand: emailBrand(brand),
      orderNumber: params.number,
      organizationName: who.organizationName,
      placedBy: { name: who.name, email: who.email },
      poNumber: params.poNumber ?? null,
      notes: params.notes ?? null,
      quoteNumber: params.quoteNumber ?? null,
      currency,
      total,
      url: publicUrl(`/admin/orders/${params.number}`),
      lines,
    });
    for (const s of staff) emails.push({ sellerId, kind: 'portal_order', to: s.email, ...email });
  }
  await Promise.all([audit, enqueueEmails(tx, emails)]);
}
