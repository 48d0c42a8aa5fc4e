import Link from 'next/link';
import { getDb } from '@/db';
import { listInventoryStatuses } from '@/db/queries/settings/inventory-statuses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { InventoryStatusFields } from '@/components/settings/inventory-status-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { settingsAccess } from '@/lib/settings/access';
import { createInventoryStatusAction } from './actions';

export const metadata = { title: 'Inventory statuses' };

export default async function InventoryStatusesPage({ searchParams }: { searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const params = await searchParams;
  const db = await getDb();
  const [list, changes] = await Promise.all([
    listInventoryStatuses(db, { sellerId: staff.sellerId, page: Number(params.page) || 1 }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['inventory_status'] }),
  ]);
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Inventory statuses"
        description="The states a device can be in. The Customer Portal counts devices in the statuses chosen in its settings."
        trail={[{ href: '/admin/settings/inventory-statuses', label: 'Inventory statuses' }]}
      />
      {params.deleted ? <Alert tone="success">Inventory status {params.deleted.slice(0, 60)} deleted.</Alert> : null}
      <section aria-labelledby="add-entry" className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-entry" className="mb-4 text-lg font-semibold">
          Add an inventory status
        </h2>
        <ActionForm action={createInventoryStatusAction} submitLabel="Add inventory status" resetOnSuccess>
          <InventoryStatusFields idPrefix="new" />
        </ActionForm>
      </section>
      <Table caption="Inventory statuses">
        <thead>
          <tr>
            <Th>Order</Th>
            <Th>Name</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={3}>None yet. Add the first one above.</EmptyRow> : null}
          {list.rows.map((r) => (
            <tr key={r.id}>
              <Td className="tabular-nums">{r.position}</Td>
              <Td>{r.name}</Td>
              <Td className="text-right">
                <Link href={`/admin/settings/inventory-statuses/${r.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> inventory status {r.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/settings/inventory-statuses" searchParams={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
      <RecentChanges changes={changes} />
    </div>
  );
}
