import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

/** What the staff role sees on a settings page: a plain refusal, not an error. */
export function SettingsForbidden({ sellerName }: { sellerName: string }) {
  return (
    <div className="max-w-2xl">
      <PageHeader title="Only owners and admins can change settings" />
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
        <p>
          Your role at {sellerName} is <strong>staff</strong>. Settings such as the Customer Portal, warehouses, statuses,
          sales channels and payment methods are changed by an owner or admin; ask one of them to make the change.
        </p>
        <p className="mt-4">
          <Link href="/admin" className="font-medium text-blue-700 underline">
            Back to the dashboard
          </Link>
        </p>
      </div>
    </div>
  );
}
