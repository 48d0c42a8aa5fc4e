import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import {
  loadCustomerSession,
  loadStaffSession,
  type CustomerSession,
  type StaffSession,
} from '@/db/queries/accounts';
import { findPortalBySlug, type PortalIdentity } from '@/db/queries/sellers';
import type { StaffRole } from '@/db/schema';
import { Refusal } from '@/lib/refusal';
import { setRequestFormat } from '@/lib/format/request-format';
import { customerAtPortal, type CustomerToken } from './customer-token';
import { sessionClaims } from './session-token';

export type { CustomerSession, StaffSession };

const roleRank: Record<StaffRole, number> = { staff: 0, admin: 1, owner: 2 };

export function hasRole(session: StaffSession, minRole: StaffRole): boolean {
  return roleRank[session.role] >= roleRank[minRole];
}

export const FORBIDDEN = 'You do not have permission to do that.';

/** The path the visitor asked for (set by proxy.ts), to return there after signing in. */
async function requestedPath(fallback: string): Promise<string> {
  const path = (await headers()).get('x-tp-path');
  return path && path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}

/**
 * The signed-in staff member, or null. Checks the database, not only the
 * cookie (read by `sessionClaims`, as Auth.js reads it, without its request cycle).
 */
export const getStaff = cache(async (): Promise<StaffSession | null> => {
  const session = (await sessionClaims('staff', await cookies())) as { uid?: number; ver?: number } | null;
  if (!session?.uid) return null;
  const staff = await loadStaffSession(await getDb(), { staffUserId: session.uid, sessionVersion: session.ver ?? 0 });
  if (staff) setRequestFormat(staff);
  return staff;
});

/**
 * For back-office pages, actions and route handlers: the staff member, scoped
 * to their seller. Signed out: redirect to sign-in. Role too low: a `forbidden` Refusal.
 */
export async function requireStaff(minRole: StaffRole = 'staff'): Promise<StaffSession> {
  const staff = await getStaff();
  if (!staff) {
    redirect(`/admin/sign-in?next=${encodeURIComponent(await requestedPath('/admin'))}`);
  }
  if (!hasRole(staff, minRole)) throw new Refusal(FORBIDDEN, { code: 'forbidden' });
  return staff;
}

/** The portal of a slug (404 when unknown), for every portal page. */
export const requirePortal = cache(async (slug: string): Promise<PortalIdentity> => {
  const portal = await findPortalBySlug(await getDb(), slug);
  if (!portal) notFound();
  setRequestFormat(portal);
  return portal;
});

/**
 * The signed-in customer at a portal, or null. Keyed by the portal object, so
 * a page and its layout read the session once; an action (where React's cache
 * does not apply) reads the portal once and passes it here.
 */
const customerAt = cache(async (portal: PortalIdentity): Promise<CustomerSession | null> => {
  const token = (await sessionClaims('customer', await cookies())) as CustomerToken | null;
  const db = await getDb();
  return customerAtPortal(portal, token, (id, version, sellerId) => loadCustomerSession(db, { sellerId, portalAccountId: id, sessionVersion: version }));
});

/** The signed-in customer at this seller's portal, or null. A session of another seller counts as none. */
export const getCustomer = cache(async (slug: string): Promise<CustomerSession | null> => customerAt(await requirePortal(slug)));

/**
 * For portal pages, actions and route handlers: the customer with their seller
 * and organization. Every customer query is scoped by both.
 */
export async function requireCustomer(slug: string): Promise<CustomerSession & { portal: PortalIdentity }> {
  const portal = await requirePortal(slug);
  const customer = await customerAt(portal);
  if (!customer) {
    redirect(`/p/${slug}/sign-in?next=${encodeURIComponent(await requestedPath(`/p/${slug}`))}`);
  }
  return { ...customer, portal };
}

/**
 * For every signed-in portal page, download and the shop layout: the customer,
 * and a 404 while the seller's portal is closed. The portal layout shows the
 * closed page instead of its children, but Next renders pages beside their
 * layouts, so each page refuses here before it reads stock, prices or carts.
 */
export async function requireOpenPortalCustomer(slug: string) {
  const customer = await requireCustomer(slug);
  if (!customer.portal.enabled) notFound();
  return customer;
}
