import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { formatDate } from '@/lib/format/dates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import {
  listPurchasedDevices,
  productAttributes,
  purchasedDeviceFilterOptions,
  type ProductAttribute,
} from '@/db/queries/portal/devices/list-purchased-devices';
import { returnWindowDays } from '@/db/queries/portal/rmas/request-rma';
import { FilterBar } from '@/components/portal/filter-bar';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { returnWindow } from '@/lib/portal/format';
import { purchasedDeviceFiltersFrom } from '@/lib/portal/device-filters';
import { queryString, pageParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Purchased devices' };

const PAGE_SIZE = 50;

const attributeLabel: Record<ProductAttribute, string> = {
  manufacturer: 'Manufacturer',
  model: 'Model',
  capacity: 'Capacity',
  color: 'Color',
  network: 'Network',
  grade: 'Grade',
};

export default async function PurchasedDevicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const customer = await requireOpenPortalCustomer(slug);
  const db = await getDb();
  const scope = scopeOf(customer);
  const filters = purchasedDeviceFiltersFrom(query);
  const page = pageParam(query);
  const [options, { rows, total }, windowDays] = await Promise.all([
    purchasedDeviceFilterOptions(db, scope),
    listPurchasedDevices(db, { ...scope, ...filters, page, pageSize: PAGE_SIZE }),
    returnWindowDays(db, { sellerId: customer.sellerId }),
  ]);
  const base = `/p/${slug}/devices`;
  const linkFilters = { imei: filters.search, ...Object.fromEntries(productAttributes.map((a) => [a, filters[a]])) };
  const filtered = Object.values(linkFilters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Purchased devices"
        description={`Every device we committed to the orders of ${customer.organizationName}.${windowDays === null ? '' : ` Returns are accepted within ${windowDays} days of the order date.`}`}
        actions={
          <a href={`${base}/export.csv${queryString(linkFilters)}`} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            Download CSV
          </a>
        }
      />
      <FilterBar action={base} clearHref={base} label="Search purchased devices">
        <Field id="imei" label="IMEI or part of it">
          <Input id="imei" name="imei" inputMode="numeric" autoComplete="off" defaultValue={filters.search ?? ''} className="w-48" />
        </Field>
        {productAttributes.map((attribute) => (
          <Field key={attribute} id={attribute} label={attributeLabel[attribute]}>
            <Select id={attribute} name={attribute} defaultValue={filters[attribute] ?? ''}>
              <option value="">All</option>
              {options[attribute].map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </FilterBar>

      <form method="get" action={`/p/${slug}/rmas/new`} aria-label="Request a return for selected devices">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">Select devices, then request a return for them.</p>
          <Button type="submit" variant="primary">
            Request a return
          </Button>
        </div>
        <Table caption={`Purchased devices of ${customer.organizationName}`}>
          <thead>
            <tr>
              <Th>IMEI</Th>
              <Th>Product</Th>
              <Th>Grade</Th>
              <Th>Order</Th>
              <Th>Order date</Th>
              <Th>Returns</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <EmptyRow colSpan={6}>{filtered ? 'No purchased device matches.' : 'No purchased devices yet.'}</EmptyRow>
            ) : (
              rows.map((d) => {
                const identifier = d.imei ?? d.serial ?? '';
                const returns = returnWindow(d.orderedAt, windowDays);
                return (
                  <tr key={d.id}>
                    <Td>
                      <label className="flex items-center gap-2 font-mono">
                        <input type="checkbox" name="imei" value={identifier} className="h-4 w-4 rounded border-slate-300" />
                        {identifier}
                      </label>
                    </Td>
                    <Td>
                      {[d.manufacturer, d.model, d.capacity, d.color, d.network].filter(Boolean).join(' ')}
                      <span className="block font-mono text-xs text-slate-500">{d.sku}</span>
                    </Td>
                    <Td>{d.grade}</Td>
                    <Td>
                      <Link href={`/p/${slug}/orders/${d.orderNumber}`} className="text-[var(--brand)] hover:underline">
                        Order {d.orderNumber}
                      </Link>
                    </Td>
                    <Td>{formatDate(d.orderedAt)}</Td>
                    <Td>
                      {d.openRmaNumber !== null ? (
                        <Link href={`/p/${slug}/rmas/${d.openRmaNumber}`} className="text-[var(--brand)] hover:underline">
                          In RMA {d.openRmaNumber}
                        </Link>
                      ) : returns.closesOn === null ? (
                        'Any time'
                      ) : returns.open ? (
                        `Until ${formatDate(returns.closesOn)}`
                      ) : (
                        <span className="text-slate-500">Closed {formatDate(returns.closesOn)}</span>
                      )}
                    </Td>
                  </tr>
                );
              })
            )}
          </tbody>
        </Table>
      </form>
      <Pagination basePath={base} searchParams={linkFilters} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
