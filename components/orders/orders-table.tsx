import Link from 'next/link';
import { StatusBadge } from '@/components/ui/badge';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { OrderListRow } from '@/db/queries/orders/list-orders';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';

/** The orders list, and an organization's Orders tab (there without the organization column). */
export function OrdersTable({
  rows,
  currency,
  emptyText,
  caption = 'Orders',
  showOrganization = true,
}: {
  rows: OrderListRow[];
  currency: string;
  emptyText: string;
  caption?: string;
  showOrganization?: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Order</Th>
          <Th>Date</Th>
          {showOrganization ? <Th>Organization</Th> : null}
          <Th>Status</Th>
          <Th>Channel</Th>
          <Th>PO number</Th>
          <Th className="text-right">Items</Th>
          <Th className="text-right">Total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? <EmptyRow colSpan={showOrganization ? 8 : 7}>{emptyText}</EmptyRow> : null}
        {rows.map((o) => (
          <tr key={o.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/admin/orders/${o.number}`} className="font-medium text-[var(--brand-text)] underline">
                {o.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(o.createdAt)}</Td>
            {showOrganization ? <Td>{o.organizationName}</Td> : null}
            <Td>
              <StatusBadge color={o.statusColor}>{o.statusName}</StatusBadge>
            </Td>
            <Td>{o.channelName}</Td>
            <Td>{o.poNumber ?? ''}</Td>
            <Td className="text-right tabular-nums">{o.itemCount}</Td>
            <Td className="text-right tabular-nums whitespace-nowrap">
              {formatMoney(o.total, currency)}
              {o.hasUnpriced ? <span className="block text-xs text-amber-700">+ lines to be quoted</span> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
