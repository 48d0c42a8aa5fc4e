import { StatusBadge } from '@/components/ui/badge';
import { rmaStatusColor, rmaStatusLabel } from '@/lib/rmas/statuses';
import type { RmaStatus } from '@/db/schema';

export function RmaStatusBadge({ status }: { status: RmaStatus }) {
  return <StatusBadge color={rmaStatusColor[status]}>{rmaStatusLabel[status]}</StatusBadge>;
}

/** Marks an RMA a customer asked for in the portal. */
export function RequestedByCustomer({ name }: { name?: string | null }) {
  return (
    <span className="inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
      Requested by customer{name ? `: ${name}` : ''}
    </span>
  );
}
