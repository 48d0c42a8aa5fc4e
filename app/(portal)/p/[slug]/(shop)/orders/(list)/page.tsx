import { requireOpenPortalCustomer } from '@/lib/auth/session';
import { scopeOf } from '@/db/queries/portal/scope';
import { formatDate } from '@/lib/format/dates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { readReplica } from '@/db';
import { customerOrderStatusOptions, listCustomerOrders } from '@/db/queries/portal/orders/list-orders';
import { FilterBar } from '@/components/portal/filter-bar';
import { StatusBadge } from '@/components/ui/badge';
import { Field, Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatTotal } from '@/lib/portal/format';
import { InvoiceState } from '@/components/portal/orders/invoice-state';
import { dateParam, pageParam, idParam, param, type SearchParams } from '@/lib/url-params';

export const metadata: Metadata = { title: 'Orders' };

const PAGE_SIZE = 25;

export default async function OrdersPage({
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
  const filters = {
    statusId: idParam(query, 'status'),
    from: dateParam(query, 'from'),
    to: dateParam(query, 'to'),
    search: param(query, 'q')?.trim().slice(0, 100) || undefined,
  };
  const page = pageParam(query);
  const [statuses, { rows, total }] = await Promise.all([
    customerOrderStatusOptions(db, { sellerId: customer.sellerId }),
    listCustomerOrders(db, { ...scopeOf(customer), ...filters, page, pageSize: PAGE_SIZE }),
  ]);
  const base = `/p/${slug}/orders`;

  return (
    <>
      <PageHeader title="Orders" description={`Every order of ${customer.organizationName}, placed here, by phone or by email.`} />
      <FilterBar
        action={base}
        clearHref={base}
        label="Filter orders"
        active={[filters.statusId, filters.from, filters.to].filter(Boolean).length}
        search={
          <Field id="q" label="Order or PO number">
            <Input id="q" name="q" type="search" defaultValue={filters.search ?? ''} />
          </Field>
        }
      >
        <Field id="status" label="Status">
          <Select id="status" name="status" defaultValue={filters.statusId ? String(filters.statusId) : ''}>
            <option value="">All statuses</option>
            {statuses.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="from" label="Ordered from">
          <Input id="from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </Field>
        <Field id="to" label="Ordered to">
          <Input id="to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </Field>
      </FilterBar>
      <Table caption={`Orders of ${customer.organizationName}`} cards>
        <thead>
          <tr>
            <Th>Order</Th>
            <Th>Date</Th>
            <Th>Status</Th>
            <Th>PO number</Th>
            <Th className="text-right">Items</Th>
            <Th className="text-right">Total</Th>
            <Th>Invoice</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 ? (
            <EmptyRow colSpan={7}>
              {filters.statusId || filters.from || filters.to || filters.search ? 'No orders match these filters.' : 'No orders yet.'}
            </EmptyRow>
          ) : (
            rows.map((order) => (
              <tr key={order.number}>
                <Td>
                  <Link href={`${base}/${order.number}`} className="font-medium text-[var(--brand-text)] hover:underline">
                    Order {order.number}
                  </Link>
                  <span className="block text-xs text-slate-500">{order.channelName}</span>
                </Td>
                <Td label="Date">{formatDate(order.orderedAt)}</Td>
                <Td label="Status">
                  <StatusBadge color={order.statusColor}>{order.statusName}</StatusBadge>
                  {order.tracking ? (
                    <Link href={`${base}/${order.number}#tracking-heading`} className="ml-1 text-sm text-[var(--brand-text)] hover:underline">
                      · tracking<span className="sr-only"> of order {order.number}</span>
                    </Link>
                  ) : null}
                </Td>
                <Td label="PO number">{order.poNumber ?? <span className="text-slate-500">—</span>}</Td>
                <Td label="Items" className="text-right tabular-nums">{order.items}</Td>
                <Td label="Total" className="text-right tabular-nums">
                  {formatTotal(order.total, customer.currency, order.hasUnpriced, order.hasUnpriced && order.total === 0)}
                </Td>
                <Td label="Invoice">
                  <InvoiceState invoice={order.invoice} />
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <Pagination
        basePath={base}
        searchParams={{ status: filters.statusId ? String(filters.statusId) : undefined, from: filters.from, to: filters.to, q: filters.search }}
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
      />
    </>
  );
}
