import { StatusBadge } from '@/components/ui/badge';
import { quoteStatusNames, type QuoteDisplayStatus } from '@/lib/validation/quotes';

const colors: Record<QuoteDisplayStatus, string> = {
  requested: '#b45309',
  answered: '#2563eb',
  expired: '#64748b',
  accepted: '#15803d',
  declined: '#64748b',
  withdrawn: '#b91c1c',
};

export function QuoteStatusBadge({ status }: { status: QuoteDisplayStatus }) {
  return <StatusBadge color={colors[status]}>{quoteStatusNames[status]}</StatusBadge>;
}
