import Link from 'next/link';
import type { Metadata } from 'next';
import { readReplica } from '@/db';
import { listOrders, type OrderListFilters } from '@/db/queries/orders/list-orders';
import { orderFormOptions } from '@/db/queries/orders/order-form-options';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { OrderFilters } from '@/components/orders/order-filters';
import { OrdersTable } from '@/components/orders/orders-table';
import { dateParam, idParam, pageParam, param, type SearchParams } from '@/lib/url-params';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Orders' };

const PAGE_SIZE = 25;

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const sp = await searchParams;
  const raw = {
    status: param(sp, 'status'),
    channel: param(sp, 'channel'),
    organization: param(sp, 'organization'),
    from: param(sp, 'from'),
    to: param(sp, 'to'),
    q: param(sp, 'q'),
  };
  const filters: OrderListFilters = {
    status: raw.status === 'open' ? 'open' : idParam(sp, 'status'),
    channelId: idParam(sp, 'channel'),
    organizationId: idParam(sp, 'organization'),
    from: dateParam(sp, 'from'),
    to: dateParam(sp, 'to'),
    search: raw.q?.slice(0, 100),
  };
  const page = pageParam(sp);
  const db = await readReplica();
  const [result, options] = [
    await listOrders(db, { sellerId: staff.sellerId, page, pageSize: PAGE_SIZE, ...filters }),
    await orderFormOptions(db, { sellerId: staff.sellerId }),
  ];
  const filtered = Object.values(raw).some(Boolean);
  return (
    <>
      <PageHeader
        title="Orders"
        description="Every sales order, newest first: portal checkouts and orders taken by staff."
        actions={
          <LinkButton href="/admin/orders/new" variant="primary">
            New order
          </LinkButton>
        }
      />
      <OrderFilters values={raw} options={options} />
      <OrdersTable rows={result.rows} currency={staff.currency} emptyText={filtered ? 'No orders match these filters.' : 'No orders yet.'} />
      <Pagination basePath="/admin/orders" searchParams={raw} page={result.page} pageSize={PAGE_SIZE} total={result.total} />
      {filtered ? (
        <p className="text-sm">
          <Link href="/admin/orders" className="text-[var(--brand-text)] underline">
            Show all orders
          </Link>
        </p>
      ) : null}
    </>
  );
}
