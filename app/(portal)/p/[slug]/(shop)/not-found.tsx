import { PortalNotFound } from '@/components/portal/states/portal-not-found';

export default function ShopNotFound() {
  return <PortalNotFound />;
}
