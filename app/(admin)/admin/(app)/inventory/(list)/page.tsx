import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { DeviceTable, type DeviceTableRow } from '@/components/inventory/device-table';
import { InventoryFilters, inventoryHref } from '@/components/inventory/inventory-filters';
import { getDb } from '@/db';
import { countMatchingDevices, listDevices } from '@/db/queries/inventory/device-list';
import { inventoryPlaces } from '@/db/queries/inventory/inventory-places';
import { productAttributeValues } from '@/db/queries/products/attribute-values';
import { findProduct } from '@/db/queries/products/save-product';
import { requireStaff } from '@/lib/auth/session';
import { parseDeviceKey } from '@/lib/inventory/device-key';
import { parseIdentifierSearch, MIN_SEARCH_PART } from '@/lib/inventory/identifier-search';
import { formatMoney } from '@/lib/money';
import { describeProduct } from '@/lib/products';
import { param, type SearchParams } from '@/lib/url-params';
import { deviceFiltersFromSearchParams } from '@/lib/validation/inventory';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const filters = deviceFiltersFromSearchParams(params);
  const cursor = { after: parseDeviceKey(param(params, 'after')), before: parseDeviceKey(param(params, 'before')) };
  const db = await getDb();
  const sellerId = staff.sellerId;
  const [page, matching, places, attributes, product] = await Promise.all([
    listDevices(db, { sellerId, filters, cursor }),
    countMatchingDevices(db, { sellerId, filters }),
    inventoryPlaces(db, { sellerId }),
    productAttributeValues(db, { sellerId }),
    filters.productId ? findProduct(db, { sellerId, productId: filters.productId }) : Promise.resolve(null),
  ]);
  const matchingLabel = matching.capped ? `${formatNumber(matching.count)}+` : formatNumber(matching.count);
  const search = parseIdentifierSearch(filters.q);

  const rows: DeviceTableRow[] = page.rows.map((d) => ({
    id: d.id,
    identifier: d.imei ?? d.serial ?? '',
    identifierKind: d.imei ? 'IMEI' : 'Serial',
    product: describeProduct({ ...d, grade: null }),
    sku: d.sku,
    grade: d.grade,
    status: d.statusName,
    warehouse: d.warehouseCode,
    cost: d.cost === null ? '—' : formatMoney(d.cost, staff.currency),
    receivedOn: d.receivedOn,
    orderNumber: d.orderNumber,
  }));

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Every device by IMEI or serial number, latest received first."
        actions={
          <>
            <LinkButton href={filters.productId ? `/admin/inventory/add?productId=${filters.productId}` : '/admin/inventory/add'} variant="primary">
              Add devices
            </LinkButton>
            <LinkButton href="/admin/inventory/import">Import CSV</LinkButton>
            <LinkButton href="/admin/inventory/condition">Condition data</LinkButton>
          </>
        }
      />
      <InventoryFilters
        filters={filters}
        attributes={attributes}
        statuses={places.statuses}
        warehouses={places.warehouses}
        productLabel={product ? `${product.sku} (${describeProduct(product)})` : null}
      />
      {matching.searchTooBroad ? (
        <div className="mb-4">
          <Alert tone="warning">This IMEI or serial search matches too many devices, so only some are listed. Type more of it.</Alert>
        </div>
      ) : null}
      {search?.kind === 'too_short' ? (
        <div className="mb-4">
          <Alert tone="warning">Type at least {MIN_SEARCH_PART} characters of an IMEI or serial number to search; the search was left out.</Alert>
        </div>
      ) : null}
      <p className="mb-3 text-sm text-slate-700" aria-live="polite">
        {matching.capped
          ? `More than ${formatNumber(matching.count)} devices match.`
          : `${formatNumber(matching.count)} ${matching.count === 1 ? 'device matches' : 'devices match'}.`}
      </p>
      <DeviceTable
        key={inventoryHref(filters, cursor)}
        rows={rows}
        filters={filters}
        matchingLabel={matchingLabel}
        statuses={places.statuses}
        warehouses={places.warehouses}
      />
      <nav aria-label="Pagination" className="flex items-center justify-between gap-4 py-3 text-sm">
        <p className="text-slate-600">{rows.length ? `Showing ${rows.length} devices on this page` : ''}</p>
        <div className="flex gap-2">
          {page.previousBefore !== null ? (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1" rel="prev" href={inventoryHref(filters, { before: page.previousBefore })}>
              Previous
            </Link>
          ) : null}
          {page.nextAfter !== null ? (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1" rel="next" href={inventoryHref(filters, { after: page.nextAfter })}>
              Next
            </Link>
          ) : null}
        </div>
      </nav>
    </>
  );
}
