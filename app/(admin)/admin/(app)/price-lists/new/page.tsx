import type { Metadata } from 'next';
import Link from 'next/link';
import { PriceListForm } from '@/components/price-lists/price-list-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New price list' };

export default async function NewPriceListPage() {
  await requireStaff('admin');
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/price-lists" className="text-slate-600 underline">
          ← Price lists
        </Link>
      </p>
      <PageHeader title="New price list" description="Then set prices and quantity breaks on it, and put organizations on it from their pages." />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <PriceListForm defaults={{ name: '', rule: 'percent_off', percentOff: '10' }} />
      </div>
    </>
  );
}
