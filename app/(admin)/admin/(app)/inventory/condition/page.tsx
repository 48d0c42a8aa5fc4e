import type { Metadata } from 'next';
import Link from 'next/link';
import { ConditionImportForm } from '@/components/inventory/condition-import-form';
import { ConditionPasteForm } from '@/components/inventory/condition-paste-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireStaff } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Device condition' };

/** Condition data for many devices at once: a diagnostics CSV, or pasted IMEIs with one set of values. */
export default async function DeviceConditionPage() {
  await requireStaff();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/inventory" className="text-slate-600 underline">
          ← Inventory
        </Link>
      </p>
      <PageHeader
        title="Device condition"
        description="Battery, locks, blacklist and test results of devices already in your inventory. Every row or line is checked first; if any has a problem, nothing changes."
      />
      <section aria-labelledby="import-heading" className="mb-8 max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="import-heading" className="mb-3 text-lg font-semibold">
          Import a diagnostics CSV
        </h2>
        <ConditionImportForm />
      </section>
      <section aria-labelledby="paste-heading" className="max-w-5xl rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="paste-heading" className="mb-3 text-lg font-semibold">
          Paste IMEIs for a bulk update
        </h2>
        <ConditionPasteForm />
      </section>
    </>
  );
}
