import type { Metadata } from 'next';
import { RmasTable } from '@/components/rmas/rmas-table';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { listRmas } from '@/db/queries/rmas/list-rmas';
import { requireOrganization } from '@/lib/organization-page';
import { pageParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Organization RMAs' };

const PAGE_SIZE = 25;

/** RMAs tab. */
export default async function OrganizationRmasPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { staff, organization } = await requireOrganization((await params).id);
  const page = pageParam(await searchParams);
  const { rows, total } = await listRmas(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: organization.id,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section aria-labelledby="rmas-heading" className="space-y-4">
      <h2 id="rmas-heading" className="text-lg font-semibold">RMAs</h2>
      <RmasTable
        rows={rows}
        currency={staff.currency}
        emptyText="No RMAs yet."
        caption={`RMAs of ${organization.name}`}
        showOrganization={false}
      />
      <Pagination basePath={`/admin/organizations/${organization.id}/rmas`} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </section>
  );
}
