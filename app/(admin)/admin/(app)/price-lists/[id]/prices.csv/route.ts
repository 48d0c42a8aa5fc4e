import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { priceListFile } from '@/db/queries/price-lists/price-list-detail';
import { requireStaff } from '@/lib/auth/session';
import { csvLines, csvResponse } from '@/lib/csv';
import { minorToDecimalString } from '@/lib/money';
import { parseId } from '@/lib/url-params';

export const dynamic = 'force-dynamic';

/** The list's prices in the columns its import reads (sku, min_quantity, price), so a file round-trips. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const priceListId = parseId((await params).id);
  if (!priceListId) notFound();
  const file = await priceListFile(await getDb(), { sellerId: staff.sellerId, priceListId });
  if (!file) notFound();
  const body = csvLines(
    file.rows.map((r) => [r.sku, r.minQuantity, minorToDecimalString(r.unitPrice, staff.currency)]),
    { header: ['sku', 'min_quantity', 'price'] },
  );
  const name = file.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'price-list';
  return csvResponse(body, `${name}-prices.csv`);
}
