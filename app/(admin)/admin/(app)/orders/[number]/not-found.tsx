import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function OrderNotFound() {
  return <BackOfficeNotFound noun="Order" param="number" list={{ href: '/admin/orders', label: 'Orders' }} />;
}
