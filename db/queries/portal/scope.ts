import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Every customer history read is scoped by both: the seller of the portal and
 * the organization of the signed-in account, both taken from the session.
 */
export type CustomerScope = { sellerId: number; organizationId: number };

/**
 * An order counts as cancelled when its status is named "Cancelled" (or the
 * US spelling). Statuses carry no cancelled flag: "Shipped" is closed too, so
 * `is_open = false` cannot tell them apart. Devices of a cancelled order are
 * not purchased devices and cannot be returned.
 */
export function isCancelledStatus(statusName: SQLWrapper | string): SQL {
  const name = typeof statusName === 'string' ? sql.raw(statusName) : statusName;
  return sql`lower(${name}) in ('cancelled', 'canceled')`;
}


/** Raw rows give bigint/numeric as strings on one driver and numbers on the other. */
export function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** Raw rows give timestamps as Date or ISO text depending on the driver. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  // "2025-01-31 09:15:00.123+00" -> ISO 8601, which every engine parses.
  const text = String(value).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(text);
}

/** Seller and organization of the signed-in customer, always from the session. */
export function scopeOf(customer: { sellerId: number; organizationId: number }): CustomerScope {
  return { sellerId: customer.sellerId, organizationId: customer.organizationId };
}
