import { notFound } from 'next/navigation';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { errorProbeEnabled } from '@/lib/env';

/**
 * A page that fails on purpose, so the Playwright suite sees the portal's
 * error page on a production build (e2e/states.spec.ts). Served only with
 * TRADEPOST_ERROR_PROBE=1 and TRADEPOST_PUBLIC_DEMO=1; for everyone else it does not exist.
 */
export default async function ErrorProbePage({ params }: { params: Promise<{ slug: string }> }) {
  if (!errorProbeEnabled()) notFound();
  await requireOpenPortalCustomer((await params).slug);
  throw new Error('error probe: internal detail that must never reach the page');
}
