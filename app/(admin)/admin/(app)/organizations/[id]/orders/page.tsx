import type { Metadata } from 'next';
import Link from 'next/link';
import { formatDate } from '@/components/organizations/dates';
import { StatusBadge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listOrganizationOrders } from '@/db/queries/organization-history';
import { formatMoney } from '@/lib/money';
import { requireOrganization } from '@/lib/organization-page';

export const metadata: Metadata = { title: 'Organization orders' };

const PAGE_SIZE = 25;

/** Orders tab: the organization's sales orders from every channel. */
export default async function OrganizationOrdersPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { staff, organization } = await requireOrganization((await params).id);
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1);
  const { rows, total } = await listOrganizationOrders(await getDb(), {
    sellerId: staff.sellerId,
    organizationId: organization.id,
    page,
    pageSize: PAGE_SIZE,
  });
  return (
    <section aria-labelledby="orders-heading" className="space-y-4">
      <h2 id="orders-heading" className="text-lg font-semibold">Orders</h2>
      <Table caption={`Orders of ${organization.name}`}>
        <thead>
          <tr>
            <Th>Order</Th>
            <Th>Date</Th>
            <Th>Status</Th>
            <Th>Channel</Th>
            <Th>PO number</Th>
            <Th className="text-right">Total</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={6}>No orders yet.</EmptyRow>
          ) : (
            rows.map((order) => (
              <tr key={order.id}>
                <Td>
                  <Link className="font-medium text-blue-700 hover:underline" href={`/admin/orders/${order.number}`}>
                    {order.number}
                  </Link>
                </Td>
                <Td>{formatDate(order.createdAt)}</Td>
                <Td>
                  <StatusBadge color={order.statusColor}>{order.statusName}</StatusBadge>
                </Td>
                <Td>{order.channelName}</Td>
                <Td>{order.poNumber ?? '—'}</Td>
                <Td className="text-right tabular-nums">
                  {formatMoney(order.total, staff.currency)}
                  {order.unpricedLines ? <span className="block text-xs text-slate-500">+ lines to be quoted</span> : null}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination basePath={`/admin/organizations/${organization.id}/orders`} searchParams={{}} page={page} pageSize={PAGE_SIZE} total={total} />
    </section>
  );
}
