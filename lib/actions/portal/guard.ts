import 'server-only';
import { headers } from 'next/headers';
import type { CustomerSession } from '@/lib/auth/session';
import type { PortalIdentity } from '@/db/queries/sellers';
import { appUrl } from '@/lib/app-url';
import { UserError } from '@/lib/actions';

/** Portal actions do nothing while the seller's portal is closed (the pages show the closed page). */
export function assertPortalOpen(customer: CustomerSession & { portal: PortalIdentity }) {
  if (!customer.portal.enabled) throw new UserError('This portal is not open.');
}

/** An absolute URL of a portal page, for links in emails. */
export async function portalUrl(slug: string, path: string): Promise<string> {
  const h = await headers();
  const origin = h.get('origin') ?? (h.get('host') ? `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host')}` : undefined);
  return appUrl(`/p/${slug}${path}`, origin);
}
