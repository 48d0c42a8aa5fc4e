import { StatusBadge } from '@/components/ui/badge';
import type { RmaStatus } from '@/db/schema';

const colors: Record<RmaStatus, string> = {
  requested: '#b45309',
  open: '#1d4ed8',
  received: '#7c3aed',
  resolved: '#15803d',
  rejected: '#b91c1c',
};

export function RmaStatusBadge({ status }: { status: RmaStatus }) {
  return <StatusBadge color={colors[status]}>{status[0]!.toUpperCase() + status.slice(1)}</StatusBadge>;
}
