import { PageHeader } from '@/components/ui/page-header';
import { requireCustomer } from '@/lib/auth/session';

export default async function ForSalePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireCustomer(slug);
  return <PageHeader title="For Sale" description={`Live stock of ${customer.portal.name}.`} />;
}
