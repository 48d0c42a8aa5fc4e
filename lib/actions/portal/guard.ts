import 'server-only';
import type { CustomerSession } from '@/lib/auth/session';
import type { PortalIdentity } from '@/db/queries/sellers';
import { UserError } from '@/lib/actions';

/** Portal actions do nothing while the seller's portal is closed (the pages show the closed page). */
export function assertPortalOpen(customer: CustomerSession & { portal: PortalIdentity }) {
  if (!customer.portal.enabled) throw new UserError('This portal is not open.');
}
