import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function QuoteNotFound() {
  return <BackOfficeNotFound noun="Quote" param="number" list={{ href: '/admin/quotes', label: 'Quotes' }} />;
}
