import type { Metadata } from 'next';
import Link from 'next/link';
import { BulkOrderForm } from '@/components/portal/bulk-order/bulk-order-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireOpenPortalCustomer } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Bulk order' };

export default async function BulkOrderPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const customer = await requireOpenPortalCustomer(slug);
  return (
    <>
      <PageHeader
        title="Bulk order"
        description="Paste a list of SKUs and quantities, or upload it as a CSV file, check the preview, then add every line that can be ordered to your cart at once."
        actions={
          <Link href={`/p/${slug}/cart`} className="text-[var(--brand-text)] underline">
            Go to your cart
          </Link>
        }
      />
      <BulkOrderForm slug={slug} currency={customer.currency} />
    </>
  );
}
