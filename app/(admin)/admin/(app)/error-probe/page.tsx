import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/session';
import { errorProbeEnabled } from '@/lib/env';

/** The back office's page that fails on purpose (see the portal's error-probe page); a 404 unless the flags serve it. */
export default async function ErrorProbePage() {
  if (!errorProbeEnabled()) notFound();
  await requireStaff();
  throw new Error('error probe: internal detail that must never reach the page');
}
