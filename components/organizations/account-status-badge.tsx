import { StatusBadge } from '@/components/ui/badge';
import type { AccountStatus } from '@/db/schema';

const colors: Record<AccountStatus, string> = { invited: '#b45309', active: '#15803d', disabled: '#64748b' };
const labels: Record<AccountStatus, string> = { invited: 'Invited', active: 'Active', disabled: 'Disabled' };

/** Invited / Active / Disabled, for portal accounts and staff users alike. */
export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return <StatusBadge color={colors[status]}>{labels[status]}</StatusBadge>;
}
