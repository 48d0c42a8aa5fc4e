import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { auditEntries, devices, inventoryStatuses, products, salesOrderLines, salesOrders, warehouses } from '@/db/schema';
import { auditEntryColumns } from '@/db/queries/audit';
import { readSoldCondition, type DeviceCondition, type CarrierLockState, type BlacklistState, type LockState, type FunctionalTestResult } from '@/lib/device-condition';

export type DeviceDetailParams = { sellerId: number; deviceId: number };

export type DeviceDetail = {
  id: number;
  imei: string | null;
  serial: string | null;
  product: { id: number; sku: string; manufacturer: string; model: string; capacity: string; color: string; network: string; grade: string };
  warehouse: { code: string; name: string };
  status: string;
  receivedOn: string;
  cost: number | null;
  orderNumber: number | null;
  committedAt: Date | null;
  condition: DeviceCondition;
  /** The condition when it was committed to its order (what the buyer sees), or null. */
  soldCondition: DeviceCondition | null;
};

/** One of the seller's devices with its product, place, order and condition; null for anyone else's id. */
export async function findDeviceDetail(db: DbOrTx, params: DeviceDetailParams): Promise<DeviceDetail | null> {
  const [row] = await db
    .select({
      device: devices,
      product: {
        id: products.id,
        sku: products.sku,
        manufacturer: products.manufacturer,
        model: products.model,
        capacity: products.capacity,
        color: products.color,
        network: products.network,
        grade: products.grade,
      },
      warehouse: { code: warehouses.code, name: warehouses.name },
      status: inventoryStatuses.name,
      orderNumber: salesOrders.number,
    })
    .from(devices)
    .innerJoin(products, and(eq(products.id, devices.productId), eq(products.sellerId, devices.sellerId)))
    .innerJoin(warehouses, and(eq(warehouses.id, devices.warehouseId), eq(warehouses.sellerId, devices.sellerId)))
    .innerJoin(inventoryStatuses, and(eq(inventoryStatuses.id, devices.statusId), eq(inventoryStatuses.sellerId, devices.sellerId)))
    .leftJoin(salesOrderLines, and(eq(salesOrderLines.id, devices.orderLineId), eq(salesOrderLines.sellerId, devices.sellerId)))
    .leftJoin(salesOrders, and(eq(salesOrders.id, salesOrderLines.orderId), eq(salesOrders.sellerId, devices.sellerId)))
    .where(and(eq(devices.sellerId, params.sellerId), eq(devices.id, params.deviceId)));
  if (!row) return null;
  const d = row.device;
  return {
    id: d.id,
    imei: d.imei,
    serial: d.serial,
    product: row.product,
    warehouse: row.warehouse,
    status: row.status,
    receivedOn: d.receivedOn,
    cost: d.cost,
    orderNumber: row.orderNumber ?? null,
    committedAt: d.committedAt,
    condition: conditionOfRow(d),
    soldCondition: d.soldCondition ? readSoldCondition(d.soldCondition) : null,
  };
}

/** The condition columns of a device row, typed. */
export function conditionOfRow(d: typeof devices.$inferSelect): DeviceCondition {
  return {
    batteryHealth: d.batteryHealth,
    batteryCycles: d.batteryCycles,
    carrierLock: d.carrierLock as CarrierLockState,
    carrier: d.carrier,
    blacklistStatus: d.blacklistStatus as BlacklistState,
    activationLock: d.activationLock as LockState,
    mdmLock: d.mdmLock as LockState,
    frpLock: d.frpLock as LockState,
    functionalTest: d.functionalTest as FunctionalTestResult | null,
    failedChecks: d.failedChecks,
    cosmeticNotes: d.cosmeticNotes,
    testedAt: d.testedAt,
    testSource: d.testSource,
  };
}

/**
 * The condition changes of one device, newest first: its own edits, and the imports
 * and pastes that changed it (their entry lists it among its devices).
 */
export async function deviceConditionHistory(db: DbOrTx, params: DeviceDetailParams & { limit?: number }) {
  const { sellerId, deviceId } = params;
  const rows = await db
    .select({ ...auditEntryColumns, own: sql<Record<string, unknown> | null>`(
        select e from jsonb_array_elements(${auditEntries.details} -> 'devices') e where (e ->> 'id')::int = ${deviceId} limit 1)` })
    .from(auditEntries)
    .where(
      and(
        eq(auditEntries.sellerId, sellerId),
        eq(auditEntries.entityType, 'device'),
        sql`(${auditEntries.entityId} = ${deviceId}
          or (${auditEntries.entityId} is null and ${auditEntries.details} -> 'devices' @> ${JSON.stringify([{ id: deviceId }])}::jsonb))`,
      ),
    )
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(params.limit ?? 20);
  return rows;
}
