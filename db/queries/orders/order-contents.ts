import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { devices, inventoryStatuses, invoices, products, salesOrderLines, warehouses } from '@/db/schema';

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

/** The order's invoices by number. */
export function orderInvoiceRows(db: DbOrTx, params: OrderContentsParams) {
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
    })
    .from(invoices)
    .where(and(eq(invoices.sellerId, params.sellerId), eq(invoices.orderId, params.orderId)))
    .orderBy(asc(invoices.number));
}
