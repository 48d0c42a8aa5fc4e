import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';

export const dynamic = 'force-dynamic';

/** A health answer is quick: a database that does not answer within this long is reported down. */
const HEALTH_TIMEOUT_MS = 2000;

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`the database did not answer within ${ms} ms`)), ms).unref());
}

/**
 * Answers once migrations are applied and the database answers a query, within
 * two seconds (a load balancer polls it; a hanging connect must read as down,
 * not as a request that never ends). Says nothing about which database it is:
 * the answer is public.
 */
export async function GET() {
  try {
    await Promise.race([
      (async () => {
        const database = await getDatabase();
        await database.db.execute(sql`select 1`);
      })(),
      timeout(HEALTH_TIMEOUT_MS),
    ]);
    return Response.json({ status: 'ok' });
  } catch (error) {
    console.error('health check failed', error);
    return Response.json({ status: 'error' }, { status: 503 });
  }
}
