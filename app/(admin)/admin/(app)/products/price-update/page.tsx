import type { Metadata } from 'next';
import Link from 'next/link';
import { PriceUpdateForm } from '@/components/products/price-update-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Bulk price update' };

export default async function PriceUpdatePage() {
  const staff = await requireStaff();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/products" className="text-slate-600 underline">
          ← Products
        </Link>
      </p>
      <PageHeader
        title="Bulk price update"
        description={`Upload a CSV of SKUs and list prices in ${staff.currency}. You see every change before it is applied; if any row is wrong, no price changes.`}
      />
      <div className="max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <PriceUpdateForm currency={staff.currency} />
      </div>
    </>
  );
}
