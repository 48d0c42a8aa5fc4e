import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function ProductNotFound() {
  return <BackOfficeNotFound noun="Product" param="id" list={{ href: '/admin/products', label: 'Products' }} />;
}
