import type { Metadata } from 'next';
import { OrdersTable } from '@/components/orders/orders-table';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { listOrders } from '@/db/queries/orders/list-orders';
import { requireOrganization } from '@/lib/organization-page';
import { pageParam, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Organization orders' };

const PAGE_SIZE = 25;

/** Orders tab: the organization's sales orders from every channel. */
export default async function OrganizationOrdersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { staff, organization } = await requireOrganization((await params).id);
  const page = pageParam(await searchParams);
  const { rows, total } = await listOrders(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: organization.id,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section aria-labelledby="orders-heading" className="space-y-4">
      <h2 id="orders-heading" className="text-lg font-semibold">Orders</h2>
      <OrdersTable
        rows={rows}
        currency={staff.currency}
        emptyText="No orders yet."
        caption={`Orders of ${organization.name}`}
        showOrganization={false}
      />
      <Pagination basePath={`/admin/organizations/${organization.id}/orders`} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </section>
  );
}
