import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function PricelistNotFound() {
  return <BackOfficeNotFound noun="Price list" param="id" list={{ href: '/admin/price-lists', label: 'Price lists' }} />;
}
