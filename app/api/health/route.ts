import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db';

export const dynamic = 'force-dynamic';

/**
 * Answers once migrations are applied and the database answers a query. Says
 * nothing about which database it is: the answer is public.
 */
export async function GET() {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return Response.json({ status: 'ok' });
  } catch (error) {
    console.error('health check failed', error);
    return Response.json({ status: 'error' }, { status: 503 });
  }
}
