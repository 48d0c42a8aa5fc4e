import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/components/organizations/dates';
import { RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listOrganizationRmas } from '@/db/queries/organization-history';
import { requireOrganization } from '@/lib/organization-page';

export const metadata: Metadata = { title: 'Organization RMAs' };

const PAGE_SIZE = 25;

/** RMAs tab. */
export default async function OrganizationRmasPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { staff, organization } = await requireOrganization((await params).id);
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1);
  const { rows, total } = await listOrganizationRmas(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: organization.id,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section aria-labelledby="rmas-heading" className="space-y-4">
      <h2 id="rmas-heading" className="text-lg font-semibold">RMAs</h2>
      <Table caption={`RMAs of ${organization.name}`}>
        <thead>
          <tr>
            <Th>RMA</Th>
            <Th>Status</Th>
            <Th>Date</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={3}>No RMAs yet.</EmptyRow>
          ) : (
            rows.map((rma) => (
              <tr key={rma.id}>
                <Td>
                  <Link className="font-medium text-blue-700 hover:underline" href={`/admin/rmas/${rma.number}`}>
                    {rma.number}
                  </Link>
                </Td>
                <Td>
                  <RmaStatusBadge status={rma.status} />
                </Td>
                <Td>{formatDate(rma.createdAt)}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath={`/admin/organizations/${organization.id}/rmas`} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </section>
  );
}
