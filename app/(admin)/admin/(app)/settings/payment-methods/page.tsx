import Link from 'next/link';
import { getDb } from '@/db';
import { listPaymentMethods } from '@/db/queries/settings/payment-methods';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { PaymentMethodFields } from '@/components/settings/payment-method-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { settingsAccess } from '@/lib/settings/access';
import { createPaymentMethodAction } from './actions';

export const metadata = { title: 'Payment methods' };

export default async function PaymentMethodsPage({ searchParams }: { searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const params = await searchParams;
  const db = await getDb();
  const [list, changes] = await Promise.all([
    listPaymentMethods(db, { sellerId: staff.sellerId, page: Number(params.page) || 1 }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['payment_method'] }),
  ]);
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Payment methods"
        description="How customers pay. The instructions are printed on the invoice; the Customer Portal offers the methods chosen in its settings."
        trail={[{ href: '/admin/settings/payment-methods', label: 'Payment methods' }]}
      />
      {params.deleted ? <Alert tone="success">Payment method {params.deleted.slice(0, 60)} deleted.</Alert> : null}
      <section aria-labelledby="add-entry" className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-entry" className="mb-4 text-lg font-semibold">
          Add a payment method
        </h2>
        <ActionForm action={createPaymentMethodAction} submitLabel="Add payment method" resetOnSuccess>
          <PaymentMethodFields idPrefix="new" />
        </ActionForm>
      </section>
      <Table caption="Payment methods">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Instructions</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={3}>None yet. Add the first one above.</EmptyRow> : null}
          {list.rows.map((r) => (
            <tr key={r.id}>
              <Td>{r.name}</Td>
              <Td className="max-w-md truncate text-slate-600">{r.instructions || '—'}</Td>
              <Td className="text-right">
                <Link href={`/admin/settings/payment-methods/${r.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> payment method {r.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/settings/payment-methods" searchParams={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
      <RecentChanges changes={changes} />
    </div>
  );
}
