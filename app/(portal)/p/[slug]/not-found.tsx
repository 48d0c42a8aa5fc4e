import { PortalNotFound } from '@/components/portal/states/portal-not-found';

/** Outside the shop (the shop layout refused, a sign-in page): the seller's mark on its own. */
export default function PortalNotFoundPage() {
  return <PortalNotFound withBrand />;
}
