import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import type { Metadata } from 'next';
import { readReplica } from '@/db';
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
import { PurchasedDevicesTable } from '@/components/portal/devices/purchased-devices-table';
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
  const db = await readReplica();
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
        description={`Every device assigned to the orders of ${customer.organizationName}.${windowDays === null ? '' : ` Returns are accepted within ${windowDays} days of the order date.`}`}
        actions={
          <a href={`${base}/export.csv${queryString(linkFilters)}`} download className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            Download CSV
          </a>
        }
      />
      <FilterBar
        action={base}
        clearHref={base}
        label="Search purchased devices"
        active={productAttributes.filter((a) => filters[a]).length}
        search={
          <Field id="imei" label="IMEI or part of it">
            <Input id="imei" name="imei" inputMode="numeric" autoComplete="off" defaultValue={filters.search ?? ''} className="sm:w-48" />
          </Field>
        }
      >
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
        <PurchasedDevicesTable rows={rows} slug={slug} organizationName={customer.organizationName} windowDays={windowDays} filtered={filtered} />
      </form>
      <Pagination basePath={base} searchParams={linkFilters} page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}
