import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db';
import { findSellerSlugByDomain } from '@/db/queries/sellers';
import { normalizeHost } from '@/lib/portal/custom-domains';

export const dynamic = 'force-dynamic';

/**
 * Which seller's portal a custom domain serves: `{ slug }` or `{ slug: null }`.
 * Asked by the proxy (which caches the answer), never per request.
 */
export async function GET(request: NextRequest) {
  const host = normalizeHost(request.nextUrl.searchParams.get('host'));
  if (!host) return NextResponse.json({ slug: null }, { status: 400 });
  const slug = await findSellerSlugByDomain(await getDb(), host);
  return NextResponse.json({ slug }, { headers: { 'Cache-Control': 'no-store' } });
}
