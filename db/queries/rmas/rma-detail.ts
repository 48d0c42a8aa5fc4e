import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import {
  auditEntries,
  devices,
  inventoryStatuses,
  organizations,
  portalAccounts,
  products,
  rmaLines,
  rmas,
  salesOrderLines,
  salesOrders,
  staffUsers,
  warehouses,
} from '@/db/schema';
import { describeProduct } from '@/lib/products';

/** One RMA of a seller by its number, with its devices and history. Null when not found. */
export async function findRmaByNumber(db: DbOrTx, params: { sellerId: number; number: number }) {
  const { sellerId } = params;
  const [rma] = await db
    .select({
      id: rmas.id,
      number: rmas.number,
      status: rmas.status,
      resolution: rmas.resolution,
      notes: rmas.notes,
      rejectionReason: rmas.rejectionReason,
      cancelledByAccountId: rmas.cancelledByAccountId,
      createdAt: rmas.createdAt,
      updatedAt: rmas.updatedAt,
      organizationId: rmas.organizationId,
      organizationName: organizations.name,
      requestedByName: portalAccounts.name,
      requestedByEmail: portalAccounts.email,
      createdByName: staffUsers.name,
    })
    .from(rmas)
    .innerJoin(organizations, eq(organizations.id, rmas.organizationId))
    .leftJoin(portalAccounts, eq(portalAccounts.id, rmas.requestedByAccountId))
    .leftJoin(staffUsers, eq(staffUsers.id, rmas.createdByStaffId))
    .where(and(eq(rmas.sellerId, sellerId), eq(rmas.number, params.number)))
    .limit(1);
  if (!rma) return null;

  const lines = await db
    .select({
      id: rmaLines.id,
      disposition: rmaLines.disposition,
      reason: rmaLines.reason,
      refundAmount: rmaLines.refundAmount,
      requestedDisposition: rmaLines.requestedDisposition,
      requestedRefundAmount: rmaLines.requestedRefundAmount,
      rejectionReason: rmaLines.rejectionReason,
      deviceId: devices.id,
      imei: devices.imei,
      serial: devices.serial,
      product: products,
      statusName: inventoryStatuses.name,
      warehouseName: warehouses.name,
      warehouseCode: warehouses.code,
      orderNumber: salesOrders.number,
      unitPrice: salesOrderLines.unitPrice,
    })
    .from(rmaLines)
    .innerJoin(devices, and(eq(devices.id, rmaLines.deviceId), eq(devices.sellerId, sellerId)))
    .innerJoin(products, eq(products.id, devices.productId))
    .innerJoin(inventoryStatuses, eq(inventoryStatuses.id, devices.statusId))
    .innerJoin(warehouses, eq(warehouses.id, devices.warehouseId))
    .leftJoin(salesOrderLines, eq(salesOrderLines.id, devices.orderLineId))
    .leftJoin(salesOrders, eq(salesOrders.id, salesOrderLines.orderId))
    .where(and(eq(rmaLines.sellerId, sellerId), eq(rmaLines.rmaId, rma.id)))
    .orderBy(asc(rmaLines.id));

  const history = await db
    .select({
      id: auditEntries.id,
      actorLabel: auditEntries.actorLabel,
      action: auditEntries.action,
      details: auditEntries.details,
      createdAt: auditEntries.createdAt,
    })
    .from(auditEntries)
    .where(and(eq(auditEntries.sellerId, sellerId), eq(auditEntries.entityType, 'rma'), eq(auditEntries.entityId, rma.id)))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(50);

  // Who cancelled: always one of the organization's own portal accounts.
  const [canceller] = rma.cancelledByAccountId
    ? await db
        .select({ name: portalAccounts.name, email: portalAccounts.email })
        .from(portalAccounts)
        .where(and(eq(portalAccounts.sellerId, sellerId), eq(portalAccounts.id, rma.cancelledByAccountId)))
    : [];

  return {
    rma: { ...rma, requestedByCustomer: rma.requestedByName !== null, cancelledBy: canceller ?? null },
    lines: lines.map(({ product, ...l }) => ({ ...l, sku: product.sku, description: describeProduct(product) })),
    refundTotal: lines.reduce((sum, l) => sum + l.refundAmount, 0),
    history,
  };
}

export type RmaDetail = NonNullable<Awaited<ReturnType<typeof findRmaByNumber>>>;
