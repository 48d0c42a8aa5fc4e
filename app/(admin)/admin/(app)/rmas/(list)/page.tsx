import type { Metadata } from 'next';
import { readReplica } from '@/db';
import { listRmas, type RmaListFilters } from '@/db/queries/rmas/list-rmas';
import { rmaFormOptions } from '@/db/queries/rmas/rma-form-options';
import { isRmaStatus } from '@/lib/rmas/statuses';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { RmaFilters } from '@/components/rmas/rma-filters';
import { RmasTable } from '@/components/rmas/rmas-table';
import { requireStaff } from '@/lib/auth/session';
import { idParam, pageParam, param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'RMAs' };

const PAGE_SIZE = 25;

export default async function RmasPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const sp = await searchParams;
  const raw = { status: param(sp, 'status'), organization: param(sp, 'organization') };
  const filters: RmaListFilters = {
    status: raw.status === 'any_open' ? 'any_open' : isRmaStatus(raw.status) ? raw.status : undefined,
    organizationId: idParam(sp, 'organization'),
  };
  const page = pageParam(sp);
  const db = await readReplica();
  const result = await listRmas(db, { sellerId: staff.sellerId, page, pageSize: PAGE_SIZE, ...filters });
  const options = await rmaFormOptions(db, { sellerId: staff.sellerId });
  return (
    <>
      <PageHeader
        title="RMAs"
        description="Returns of devices sold to your customers, including the ones customers request in the portal."
        actions={
          <LinkButton href="/admin/rmas/new" variant="primary">
            New RMA
          </LinkButton>
        }
      />
      <RmaFilters values={raw} organizations={options.organizations} />
      <RmasTable
        rows={result.rows}
        currency={staff.currency}
        emptyText={raw.status || raw.organization ? 'No RMAs match these filters.' : 'No RMAs yet.'}
      />
      <Pagination basePath="/admin/rmas" searchParams={raw} page={result.page} pageSize={PAGE_SIZE} total={result.total} />
    </>
  );
}
