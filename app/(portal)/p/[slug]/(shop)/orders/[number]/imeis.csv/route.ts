import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { parseId } from '@/lib/url-params';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { customerOrderDevices, customerOrderExists } from '@/db/queries/portal/orders/find-order';
import { csvLines, csvResponse } from '@/lib/csv';
import { describeProduct } from '@/lib/products';
import { conditionCsvCells, conditionCsvHeaders, readSoldCondition } from '@/lib/device-condition';

export const dynamic = 'force-dynamic';

/**
 * The IMEIs staff committed to one of the organization's orders, as CSV, with each
 * device's condition at the time of sale. Anyone else's order: 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; number: string }> }) {
  const { slug, number } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const scope = { ...scopeOf(customer), number: (parseId(number) ?? notFound()) };
  const db = await getDb();
  if (!(await customerOrderExists(db, scope))) notFound();
  const devices = await customerOrderDevices(db, scope);
  const body = csvLines([
    ['IMEI', 'Serial', 'SKU', 'Product', 'Grade', 'Order number', ...conditionCsvHeaders],
    ...devices.map((d) => [
      d.imei, d.serial, d.product.sku, describeProduct({ ...d.product, grade: '' }), d.product.grade, scope.number,
      ...conditionCsvCells(d.soldCondition ? readSoldCondition(d.soldCondition) : null),
    ]),
  ]);
  return csvResponse(body, `order-${scope.number}-imeis.csv`);
}
