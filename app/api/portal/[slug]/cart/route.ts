import { NextResponse } from 'next/server';
import { getDb } from '@/db';
import { cartSummary } from '@/db/queries/cart';
import { getCustomer, requirePortal } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

/** The signed-in account's cart summary for the header badge: `{ lines, units }`. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const portal = await requirePortal(slug);
  const customer = await getCustomer(slug);
  if (!customer) return NextResponse.json({ error: 'Sign in to see your cart.' }, { status: 401 });
  if (!portal.enabled) return NextResponse.json({ error: 'This portal is not open.' }, { status: 404 });
  const summary = await cartSummary(await getDb(), { sellerId: customer.sellerId, portalAccountId: customer.portalAccountId });
  return NextResponse.json(summary, { headers: { 'Cache-Control': 'private, no-store' } });
}
