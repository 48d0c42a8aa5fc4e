import { BackOfficeNotFound } from '@/components/back-office/state-pages';

export default function BackOfficeNotFoundPage() {
  return <BackOfficeNotFound />;
}
