import type { Metadata } from 'next';
import { getDb } from '@/db';
import { forSalePage } from '@/db/queries/for-sale';
import { ForSaleFilters } from '@/components/for-sale/for-sale-filters';
import { ForSaleTable } from '@/components/for-sale/for-sale-table';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireOpenPortalCustomer } from '@/lib/auth/session';
import {
  FOR_SALE_PAGE_SIZE,
  forSaleFacetKeys,
  forSaleQueryString,
  parseForSaleView,
} from '@/lib/validation/for-sale';

export const metadata: Metadata = { title: 'For Sale' };

export default async function ForSalePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  const view = parseForSaleView(await searchParams);
  const { rows, facets } = await forSalePage(await getDb(), { sellerId: customer.sellerId, view });
  const base = `/p/${slug}`;
  const qs = forSaleQueryString({ ...view, page: 1 });
  const filtered = Boolean(view.q) || forSaleFacetKeys.some((k) => view[k]);
  return (
    <>
      <PageHeader
        title="For Sale"
        description={`${facets.total.toLocaleString('en-US')} ${facets.total === 1 ? 'product' : 'products'} ${filtered ? 'match' : 'in stock at'} ${filtered ? 'your filters' : customer.portal.name}.`}
        actions={
          // A plain link: the browser downloads the file.
          <a href={`${base}/for-sale.csv${qs}`} className={buttonClass('secondary')} download>
            Download CSV
          </a>
        }
      />
      <ForSaleFilters options={facets.options} />
      <ForSaleTable rows={rows} view={view} base={base} currency={customer.currency} filtered={filtered} total={facets.total} />
      <Pagination
        basePath={base}
        searchParams={Object.fromEntries(new URLSearchParams(qs))}
        page={view.page}
        pageSize={FOR_SALE_PAGE_SIZE}
        total={facets.total}
      />
    </>
  );
}
