import { LoadingState } from '@/components/ui/loading-state';

export default function Loading() {
  return <LoadingState title="Invoices" what="your invoices" />;
}
