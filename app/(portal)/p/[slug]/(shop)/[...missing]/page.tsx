import { notFound } from 'next/navigation';

/**
 * Any other address under a portal (on a seller's domain, any unknown path):
 * the portal's own not-found page in the seller's brand, not the platform's.
 */
export default function UnknownPortalPage() {
  notFound();
}
