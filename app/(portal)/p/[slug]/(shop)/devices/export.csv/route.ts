import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { getDb } from '@/db';
import { purchasedDevicesForExport } from '@/db/queries/portal/devices/list-purchased-devices';
import { csvLines, csvResponse } from '@/lib/csv';
import { purchasedDeviceFiltersFrom } from '@/lib/portal/device-filters';
import { isoDay } from '@/lib/format/dates';
import { conditionCsvCells, conditionCsvHeaders } from '@/lib/device-condition';

export const dynamic = 'force-dynamic';

/**
 * The organization's purchased devices with the page's filters, as CSV (with the
 * condition each had when it was sold),
 * streamed in batches so 100,000 devices never sit in memory at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const url = new URL(request.url);
  const filters = purchasedDeviceFiltersFrom(Object.fromEntries(url.searchParams));
  const db = await getDb();
  const encoder = new TextEncoder();
  const batches = purchasedDevicesForExport(db, { ...scopeOf(customer), ...filters });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([['IMEI', 'Serial', 'SKU', 'Manufacturer', 'Model', 'Capacity', 'Color', 'Network', 'Grade', 'Order number', 'Order date', ...conditionCsvHeaders]])));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(
          csvLines(
            next.value.map((d) => [
              d.imei, d.serial, d.sku, d.manufacturer, d.model, d.capacity, d.color, d.network, d.grade,
              d.orderNumber, isoDay(d.orderedAt, customer.portal), ...conditionCsvCells(d.soldCondition),
            ]),
          ),
        ),
      );
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return csvResponse(stream, `purchased-devices-${isoDay(new Date(), customer.portal)}.csv`);
}
