import Link from 'next/link';
import { StatusBadge } from '@/components/ui/badge';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { formatDate } from '@/components/back-office/format';
import type { OrderListRow } from '@/db/queries/orders/list-orders';
import { formatMoney } from '@/lib/money';

export function OrdersTable({ rows, currency, emptyText }: { rows: OrderListRow[]; currency: string; emptyText: string }) {
  return (
    <Table caption="Orders">
      <thead>
        <tr>
          <Th>Order</Th>
          <Th>Date</Th>
          <Th>Organization</Th>
          <Th>Status</Th>
          <Th>Channel</Th>
          <Th>PO number</Th>
          <Th className="text-right">Items</Th>
          <Th className="text-right">Total</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? <EmptyRow colSpan={8}>{emptyText}</EmptyRow> : null}
        {rows.map((o) => (
          <tr key={o.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/admin/orders/${o.number}`} className="font-medium text-[var(--brand)] underline">
                {o.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(o.createdAt)}</Td>
            <Td>{o.organizationName}</Td>
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
