import Link from 'next/link';
import { RequestedByCustomer, RmaStatusBadge } from '@/components/rmas/rma-status-badge';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import type { RmaListRow } from '@/db/queries/rmas/list-rmas';
import { formatDate } from '@/lib/format/dates';
import { formatMoney } from '@/lib/money';

/** The RMAs list, and an organization's RMAs tab (there without the organization column). */
export function RmasTable({
  rows,
  currency,
  emptyText,
  caption = 'RMAs',
  showOrganization = true,
}: {
  rows: RmaListRow[];
  currency: string;
  emptyText: string;
  caption?: string;
  showOrganization?: boolean;
}) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>RMA</Th>
          <Th>Date</Th>
          {showOrganization ? <Th>Organization</Th> : null}
          <Th>Status</Th>
          <Th className="text-right">Devices</Th>
          <Th className="text-right">Refunds</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? <EmptyRow colSpan={showOrganization ? 6 : 5}>{emptyText}</EmptyRow> : null}
        {rows.map((r) => (
          <tr key={r.id} className="hover:bg-slate-50">
            <Td>
              <Link href={`/admin/rmas/${r.number}`} className="font-medium text-[var(--brand-text)] underline">
                {r.number}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(r.createdAt)}</Td>
            {showOrganization ? (
              <Td>
                {r.organizationName}
                {r.requestedByCustomer ? (
                  <span className="ml-2">
                    <RequestedByCustomer />
                  </span>
                ) : null}
              </Td>
            ) : null}
            <Td>
              <RmaStatusBadge status={r.status} />
              {r.resolution ? <span className="ml-1 text-xs text-slate-600">({r.resolution})</span> : null}
            </Td>
            <Td className="text-right tabular-nums">{r.devices}</Td>
            <Td className="text-right tabular-nums">{formatMoney(r.refundTotal, currency)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
