import { PortalNotFound } from '@/components/portal/states/portal-not-found';

export default function OrderNotFound() {
  return <PortalNotFound noun="Order" param="number" back={{ path: '/orders', label: 'Orders' }} />;
}
