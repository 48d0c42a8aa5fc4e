import { notFound } from 'next/navigation';

/** Any other back-office address: the back office's not-found page, under its navigation. */
export default function UnknownBackOfficePage() {
  notFound();
}
