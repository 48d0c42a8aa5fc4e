import { StatusBadge } from '@/components/ui/badge';
import type { RmaStatus } from '@/db/schema';

export const rmaStatusLabel: Record<RmaStatus, string> = {
  requested: 'Requested',
  open: 'Open',
  received: 'Received',
  resolved: 'Resolved',
  rejected: 'Rejected',
};

const rmaStatusColor: Record<RmaStatus, string> = {
  requested: '#d97706',
  open: '#2563eb',
  received: '#7c3aed',
  resolved: '#16a34a',
  rejected: '#dc2626',
};

export function RmaStatusBadge({ status }: { status: RmaStatus }) {
  return <StatusBadge color={rmaStatusColor[status]}>{rmaStatusLabel[status]}</StatusBadge>;
}
