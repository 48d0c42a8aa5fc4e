import { readiness } from '@/lib/lifecycle/readiness';

export const dynamic = 'force-dynamic';

/**
 * Readiness, for the load balancer: 200 only while this instance should get
 * requests (the database answers within two seconds and holds this build's
 * migrations, and no shutdown has begun), 503 otherwise with the reason's
 * kind. `/api/health` stays the liveness answer.
 */
export async function GET() {
  const state = await readiness({ timeoutMs: 2000 });
  if (state.ready) return Response.json({ status: 'ready' }, { headers: { 'Cache-Control': 'no-store' } });
  return Response.json({ status: 'not ready', reason: state.reason }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
}
