import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function DeviceNotFound() {
  return <BackOfficeNotFound noun="Device" param="id" list={{ href: '/admin/inventory', label: 'Inventory' }} />;
}
