import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function RMANotFound() {
  return <BackOfficeNotFound noun="RMA" param="number" list={{ href: '/admin/rmas', label: 'RMAs' }} />;
}
