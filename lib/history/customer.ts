import 'server-only';
import { notFound } from 'next/navigation';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import type { CustomerScope } from '@/db/queries/history/scope';

/** The signed-in customer for history pages, downloads and route handlers; 404 while the portal is closed. */
export const requireHistoryCustomer = requireOpenPortalCustomer;

/** Seller and organization, always from the session. */
export function scopeOf(customer: { sellerId: number; organizationId: number }): CustomerScope {
  return { sellerId: customer.sellerId, organizationId: customer.organizationId };
}

/** A document number from a URL segment; anything else is a 404 like an unknown number. */
export function documentNumberParam(value: string): number {
  if (!/^\d{1,9}$/.test(value)) notFound();
  return Number(value);
}
