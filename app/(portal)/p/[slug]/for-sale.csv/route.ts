import type { NextRequest } from 'next/server';
import { readReplica } from '@/db';
import { forSaleAllRows } from '@/db/queries/for-sale';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { csvLines, csvResponse } from '@/lib/csv';
import { minorToDecimalString } from '@/lib/money';
import { parseForSaleView } from '@/lib/validation/for-sale';
import { isoDay } from '@/lib/format/dates';
import { canSortByQuantity, formatAvailable } from '@/lib/portal/quantity-display';

export const dynamic = 'force-dynamic';

const header = ['Manufacturer', 'Model', 'Capacity', 'Color', 'Network', 'Grade', 'SKU', 'Price', 'Currency', 'Available', 'Quantity breaks', 'Minimum order quantity', 'Order increment'];

/**
 * The For Sale list with the page's filters, search and sort, every row (not
 * only the page shown), at this buyer's prices, streamed a batch at a time.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const display = customer.portal.quantityDisplay;
  const asked = parseForSaleView(request.nextUrl.searchParams);
  // As on the page: hidden quantities are not a sort order.
  const view = asked.sort === 'quantity' && !canSortByQuantity(display) ? { ...asked, sort: 'model' as const } : asked;
  const db = await readReplica();
  const rows = forSaleAllRows(db, { sellerId: customer.sellerId, organizationId: customer.organizationId, view });
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLines([], { header })));
        return;
      }
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      const lines = next.value.map((r) => [
        r.manufacturer,
        r.model,
        r.capacity,
        r.color,
        r.network,
        r.grade,
        r.sku,
        r.price === null ? 'price on request' : minorToDecimalString(r.price, customer.currency),
        customer.currency,
        formatAvailable(r.available, display),
        r.breaks.map((b) => `${b.min}+: ${minorToDecimalString(b.price, customer.currency)}`).join('; '),
        r.minOrderQuantity,
        r.orderIncrement,
      ]);
      controller.enqueue(encoder.encode(csvLines(lines)));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const date = isoDay(new Date(), customer.portal);
  return csvResponse(body, `${slug}-for-sale-${date}.csv`);
}
