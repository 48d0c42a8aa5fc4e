import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readReplica } from '@/db';
import { gradeColumns, type ForSaleFacets } from '@/db/queries/for-sale';
import { forSaleCache } from '@/db/queries/for-sale-cache';
import { ForSaleFilters } from '@/components/for-sale/for-sale-filters';
import { ForSaleGroupedTable } from '@/components/for-sale/for-sale-grouped-table';
import { ForSaleTable } from '@/components/for-sale/for-sale-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { canSortByQuantity } from '@/lib/portal/quantity-display';
import {
  FOR_SALE_PAGE_SIZE,
  forSaleFiltered,
  forSaleQueryString,
  parseForSaleView,
  type ForSaleLayout,
  type ForSaleView,
} from '@/lib/validation/for-sale';

export const metadata: Metadata = { title: 'For Sale' };

const layoutNames: Record<ForSaleLayout, string> = { list: 'One row per product', grouped: 'Grades side by side' };

/** The view switch: two links (the layout lives in the URL), the current one marked. */
function LayoutSwitch({ view, base }: { view: ForSaleView; base: string }) {
  return (
    <nav aria-label="View" className="mb-3 flex items-center gap-1 text-sm">
      <span className="mr-1 text-slate-600">View:</span>
      {(Object.keys(layoutNames) as ForSaleLayout[]).map((layout) => {
        const current = view.layout === layout;
        return (
          <Link
            key={layout}
            href={`${base}${forSaleQueryString({ ...view, layout, page: 1 })}`}
            prefetch={false}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md border px-2.5 py-1 ${current ? 'border-[var(--brand)] bg-[var(--brand)] font-medium text-[var(--brand-fg)]' : 'border-slate-300 bg-white text-slate-700 hover:bg-slate-50'}`}
          >
            {layoutNames[layout]}
          </Link>
        );
      })}
    </nav>
  );
}

export default async function ForSalePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const display = customer.portal.quantityDisplay;
  const asked = parseForSaleView(await searchParams);
  // Hidden quantities: sorting by them would reveal their order.
  const view: ForSaleView = asked.sort === 'quantity' && !canSortByQuantity(display) ? { ...asked, sort: 'model' } : asked;
  // For Sale tolerates a little lag: a read replica when there is one. One handle for the whole view, so the catalog
  // version and the page cached under it come from the same server (db/replicas.ts explains why that matters).
  const db = await readReplica();
  const sellerId = customer.sellerId;
  // A constant number of statements per view: the catalog version with whether ordering is open (then, unless
  // cached, the listing: rows, facet counts and total in one).
  const listing =
    view.layout === 'grouped'
      ? await forSaleCache().groupedPage(db, { sellerId, organizationId: customer.organizationId, view }).then((p) => ({ ...p, rows: null }))
      : await forSaleCache().page(db, { sellerId, organizationId: customer.organizationId, view }).then((p) => ({ ...p, groups: null, groupCount: p.facets.total }));
  const facets: ForSaleFacets = listing.facets;
  const base = `/p/${slug}`;
  const qs = forSaleQueryString({ ...view, page: 1 });
  const filtered = forSaleFiltered(view);
  return (
    <>
      <PageHeader
        title="For Sale"
        description={`${formatNumber(facets.total)} ${facets.total === 1 ? 'product' : 'products'} ${filtered ? 'match' : 'in stock at'} ${filtered ? 'your filters' : customer.portal.name}.`}
        actions={
          // A plain link: the browser downloads the file.
          <>
            <Link href={`${base}/bulk-order`} className={buttonClass('secondary')}>
              Bulk order
            </Link>
            <a href={`${base}/for-sale.csv${qs}`} className={buttonClass('secondary')} download>
              Download CSV
            </a>
          </>
        }
      />
      {listing.orderingReady ? null : (
        <div className="mb-4">
          <Alert tone="info" title="Ordering is not available yet">
            {customer.portal.name} has not opened ordering through the portal yet. You can browse and fill your cart (it is
            saved to your account); to place an order, please contact your sales representative at {customer.portal.name}.
          </Alert>
        </div>
      )}
      <ForSaleFilters options={facets.options} conditions={facets.conditions} />
      <LayoutSwitch view={view} base={base} />
      {listing.groups ? (
        <ForSaleGroupedTable
          groups={listing.groups}
          grades={gradeColumns(facets, view)}
          view={view}
          base={base}
          currency={customer.currency}
          filtered={filtered}
          total={listing.groupCount}
          display={display}
        />
      ) : (
        <ForSaleTable rows={listing.rows} view={view} base={base} currency={customer.currency} filtered={filtered} total={facets.total} display={display} />
      )}
      <Pagination
        basePath={base}
        searchParams={Object.fromEntries([...new URLSearchParams(qs).keys()].map((k) => [k, new URLSearchParams(qs).getAll(k)]))}
        page={view.page}
        pageSize={FOR_SALE_PAGE_SIZE}
        total={listing.groupCount}
      />
    </>
  );
}
