import Link from 'next/link';
import { getDb } from '@/db';
import { listOrderStatuses } from '@/db/queries/settings/order-statuses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { OrderStatusFields } from '@/components/settings/order-status-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { Alert } from '@/components/ui/alert';
import { StatusBadge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { settingsAccess } from '@/lib/settings/access';
import { createOrderStatusAction } from './actions';

export const metadata = { title: 'Order statuses' };

export default async function OrderStatusesPage({ searchParams }: { searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const params = await searchParams;
  const db = await getDb();
  const [list, changes] = await Promise.all([
    listOrderStatuses(db, { sellerId: staff.sellerId, page: Number(params.page) || 1 }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['order_status'] }),
  ]);
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Order statuses"
        description="The steps an order goes through. Open orders still need work; devices can be committed only in statuses that allow it."
        trail={[{ href: '/admin/settings/order-statuses', label: 'Order statuses' }]}
      />
      {params.deleted ? <Alert tone="success">Order status {params.deleted.slice(0, 60)} deleted.</Alert> : null}
      <section aria-labelledby="add-entry" className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-entry" className="mb-4 text-lg font-semibold">
          Add an order status
        </h2>
        <ActionForm action={createOrderStatusAction} submitLabel="Add order status" resetOnSuccess>
          <OrderStatusFields idPrefix="new" />
        </ActionForm>
      </section>
      <Table caption="Order statuses">
        <thead>
          <tr>
            <Th>Order</Th>
            <Th>Name</Th>
            <Th>Open</Th>
            <Th>Allows committing devices</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={5}>None yet. Add the first one above.</EmptyRow> : null}
          {list.rows.map((r) => (
            <tr key={r.id}>
              <Td className="tabular-nums">{r.position}</Td>
              <Td><StatusBadge color={r.color}>{r.name}</StatusBadge></Td>
              <Td>{r.isOpen ? 'Yes' : 'No'}</Td>
              <Td>{r.allowsCommitting ? 'Yes' : 'No'}</Td>
              <Td className="text-right">
                <Link href={`/admin/settings/order-statuses/${r.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> order status {r.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/settings/order-statuses" searchParams={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
      <RecentChanges changes={changes} />
    </div>
  );
}
