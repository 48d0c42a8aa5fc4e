import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { creditNotes, devices, inventoryStatuses, invoices, products, salesOrderLines, warehouses } from '@/db/schema';

/**
 * What an order holds, read the same way for every screen that shows an
 * order (the staff order page, the customer's order page, the checkout
 * confirmation): its lines with their products, the devices committed to
 * them, and its invoices. Each reader picks what it shows from these.
 */
export type OrderContentsParams = { sellerId: number; orderId: number };

/** The order's lines in their order, each with its product. */
export function orderLineRows(db: DbOrTx, params: OrderContentsParams) {
  return db
    .select({ line: salesOrderLines, product: products })
    .from(salesOrderLines)
    .innerJoin(products, and(eq(products.id, salesOrderLines.productId), eq(products.sellerId, params.sellerId)))
    .where(and(eq(salesOrderLines.sellerId, params.sellerId), eq(salesOrderLines.orderId, params.orderId)))
    .orderBy(asc(salesOrderLines.position), asc(salesOrderLines.id));
}

/** The devices committed to these lines, first committed first. */
export async function committedDevices(db: DbOrTx, params: { sellerId: number; lineIds: number[] }) {
  if (!params.lineIds.length) return [];
  return db
    .select({
      id: devices.id,
      imei: devices.imei,
      serial: devices.serial,
      orderLineId: devices.orderLineId,
      committedAt: devices.committedAt,
      statusName: inventoryStatuses.name,
      warehouseCode: warehouses.code,
    })
    .from(devices)
    .innerJoin(inventoryStatuses, eq(inventoryStatuses.id, devices.statusId))
    .innerJoin(warehouses, eq(warehouses.id, devices.warehouseId))
    .where(and(eq(devices.sellerId, params.sellerId), inArray(devices.orderLineId, params.lineIds)))
    .orderBy(asc(devices.committedAt), asc(devices.id));
}

/** The order's invoices by number, with whether each is void and how much of it is credited. */
export function orderInvoiceRows(db: DbOrTx, params: OrderContentsParams) {
  const credited = db
    .select({ invoiceId: creditNotes.invoiceId, amount: sql<string>`sum(${creditNotes.amount})`.as('credited_amount') })
    .from(creditNotes)
    .where(eq(creditNotes.sellerId, params.sellerId))
    .groupBy(creditNotes.invoiceId)
    .as('credited');
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      total: invoices.total,
      currency: invoices.currency,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      paidAt: invoices.paidAt,
      emailedAt: invoices.emailedAt,
      voidedAt: invoices.voidedAt,
      voidReason: invoices.voidReason,
      credited: sql<number>`coalesce(${credited.amount}, 0)::bigint`.mapWith(Number),
    })
    .from(invoices)
    .leftJoin(credited, eq(credited.invoiceId, invoices.id))
    .where(and(eq(invoices.sellerId, params.sellerId), eq(invoices.orderId, params.orderId)))
    .orderBy(asc(invoices.number));
}

/** The credit notes issued against the order's invoices, by number. */
export function orderCreditNoteRows(db: DbOrTx, params: OrderContentsParams) {
  return db
    .select({
      id: creditNotes.id,
      number: creditNotes.number,
      invoiceNumber: invoices.number,
      amount: creditNotes.amount,
      currency: creditNotes.currency,
      reason: creditNotes.reason,
      issuedOn: creditNotes.issuedOn,
    })
    .from(creditNotes)
    .innerJoin(invoices, and(eq(invoices.id, creditNotes.invoiceId), eq(invoices.sellerId, params.sellerId)))
    .where(and(eq(creditNotes.sellerId, params.sellerId), eq(invoices.orderId, params.orderId)))
    .orderBy(asc(creditNotes.number));
}

/**
 * Whether the order's lines are already fully invoiced: its invoices that are
 * not void add up to at least the order's total (and there is one).
 */
export async function orderInvoicedState(db: DbOrTx, params: OrderContentsParams) {
  const [lines] = await db
    .select({ total: sql<string>`coalesce(sum(${salesOrderLines.quantity}::numeric * coalesce(${salesOrderLines.unitPrice}, 0)), 0)::text` })
    .from(salesOrderLines)
    .where(and(eq(salesOrderLines.sellerId, params.sellerId), eq(salesOrderLines.orderId, params.orderId)));
  const active = await db
    .select({ number: invoices.number, total: invoices.total, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.sellerId, params.sellerId), eq(invoices.orderId, params.orderId), sql`${invoices.voidedAt} is null`))
    .orderBy(asc(invoices.number));
  const orderTotal = Number(lines?.total ?? 0);
  const invoicedTotal = active.reduce((sum, i) => sum + i.total, 0);
  return { orderTotal, invoicedTotal, invoices: active, fullyInvoiced: active.length > 0 && invoicedTotal >= orderTotal };
}
