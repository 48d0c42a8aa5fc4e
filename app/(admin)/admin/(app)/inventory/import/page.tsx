import { formatNumber } from '@/lib/format/numbers';
import type { Metadata } from 'next';
import Link from 'next/link';
import { DeviceImportForm } from '@/components/inventory/device-import-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';
import { MAX_IMPORT_ROWS } from '@/lib/imports/columns';

export const metadata: Metadata = { title: 'Import devices from CSV' };

export default async function ImportDevicesPage() {
  await requireStaff();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inventory" className="text-slate-600 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title="Import devices from CSV"
        description={`Up to ${formatNumber(MAX_IMPORT_ROWS)} devices per file. Every row is checked first; if any row has a problem, nothing is imported and each problem is listed by row.`}
      />
      <div className="max-w-4xl rounded-lg border border-slate-200 bg-white p-6">
        <DeviceImportForm />
      </div>
    </>
  );
}
