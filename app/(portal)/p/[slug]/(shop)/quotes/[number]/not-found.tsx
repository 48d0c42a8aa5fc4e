import { PortalNotFound } from '@/components/portal/states/portal-not-found';

export default function QuoteNotFound() {
  return <PortalNotFound noun="Quote" param="number" back={{ path: '/quotes', label: 'Quotes' }} />;
}
