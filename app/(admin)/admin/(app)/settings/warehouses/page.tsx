import Link from 'next/link';
import { getDb } from '@/db';
import { listWarehouses } from '@/db/queries/settings/warehouses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { WarehouseFields } from '@/components/settings/warehouse-fields';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { settingsAccess } from '@/lib/settings/access';
import { createWarehouseAction } from './actions';

export const metadata = { title: 'Warehouses' };

export default async function WarehousesPage({ searchParams }: { searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const params = await searchParams;
  const db = await getDb();
  const [list, changes] = await Promise.all([
    listWarehouses(db, { sellerId: staff.sellerId, page: Number(params.page) || 1 }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['warehouse'] }),
  ]);
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Warehouses"
        description="Where devices are stored. The Customer Portal counts stock in the warehouses chosen in its settings."
        trail={[{ href: '/admin/settings/warehouses', label: 'Warehouses' }]}
      />
      {params.deleted ? <Alert tone="success">Warehouse {params.deleted.slice(0, 60)} deleted.</Alert> : null}
      <section aria-labelledby="add-warehouse" className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-warehouse" className="mb-4 text-lg font-semibold">
          Add a warehouse
        </h2>
        <ActionForm action={createWarehouseAction} submitLabel="Add warehouse" resetOnSuccess>
          <WarehouseFields idPrefix="new-warehouse" />
        </ActionForm>
      </section>
      <Table caption="Warehouses">
        <thead>
          <tr>
            <Th>Code</Th>
            <Th>Name</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={3}>No warehouses yet. Add the first one above.</EmptyRow> : null}
          {list.rows.map((w) => (
            <tr key={w.id}>
              <Td className="font-mono">{w.code}</Td>
              <Td>{w.name}</Td>
              <Td className="text-right">
                <Link href={`/admin/settings/warehouses/${w.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> warehouse {w.code}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination
        basePath="/admin/settings/warehouses"
        searchParams={{}}
        page={list.page}
        pageSize={list.pageSize}
        total={list.total}
      />
      <RecentChanges changes={changes} />
    </div>
  );
}
