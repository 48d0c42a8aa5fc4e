import { LoadingState } from '@/components/ui/loading-state';

export default function Loading() {
  return <LoadingState title="Purchased devices" what="your purchased devices" />;
}
