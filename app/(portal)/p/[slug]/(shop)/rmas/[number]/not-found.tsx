import { PortalNotFound } from '@/components/portal/states/portal-not-found';

export default function RMANotFound() {
  return <PortalNotFound noun="RMA" param="number" back={{ path: '/rmas', label: 'RMAs' }} />;
}
