import 'server-only';
import { notFound } from 'next/navigation';
import type { MailboxScope } from '@/db/queries/mailbox';
import { getStaff } from '@/lib/auth/session';
import { realEmailProviderConfigured } from './transport';

/**
 * The development mailbox exists only while no email provider is configured.
 * In development anyone may read it; in a production build (e.g. a demo or the
 * e2e server) only signed-in staff, and only their seller's mail. Others get a 404.
 */
export async function requireMailboxScope(): Promise<MailboxScope> {
  if (realEmailProviderConfigured()) notFound();
  if (process.env.NODE_ENV !== 'production') return { kind: 'all' };
  const staff = await getStaff();
  if (!staff) notFound();
  return { kind: 'seller', sellerId: staff.sellerId, viewerEmail: staff.email, isOwner: staff.role === 'owner' };
}
