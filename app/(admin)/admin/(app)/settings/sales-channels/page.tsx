import Link from 'next/link';
import { getDb } from '@/db';
import { listSalesChannels } from '@/db/queries/settings/sales-channels';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { SalesChannelFields } from '@/components/settings/sales-channel-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { EmptyRow, Table, Td, Th } from '@/components/ui/table';
import { settingsAccess } from '@/lib/settings/access';
import { createSalesChannelAction } from './actions';

export const metadata = { title: 'Sales channels' };

export default async function SalesChannelsPage({ searchParams }: { searchParams: Promise<{ page?: string; deleted?: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const params = await searchParams;
  const db = await getDb();
  const [list, changes] = await Promise.all([
    listSalesChannels(db, { sellerId: staff.sellerId, page: Number(params.page) || 1 }),
    recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['sales_channel'] }),
  ]);
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title="Sales channels"
        description="Where orders come from. Orders placed in the Customer Portal get the channel chosen in its settings."
        trail={[{ href: '/admin/settings/sales-channels', label: 'Sales channels' }]}
      />
      {params.deleted ? <Alert tone="success">Sales channel {params.deleted.slice(0, 60)} deleted.</Alert> : null}
      <section aria-labelledby="add-entry" className="my-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add-entry" className="mb-4 text-lg font-semibold">
          Add a sales channel
        </h2>
        <ActionForm action={createSalesChannelAction} submitLabel="Add sales channel" resetOnSuccess>
          <SalesChannelFields idPrefix="new" />
        </ActionForm>
      </section>
      <Table caption="Sales channels">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th className="text-right">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {list.rows.length === 0 ? <EmptyRow colSpan={2}>None yet. Add the first one above.</EmptyRow> : null}
          {list.rows.map((r) => (
            <tr key={r.id}>
              <Td>{r.name}</Td>
              <Td className="text-right">
                <Link href={`/admin/settings/sales-channels/${r.id}`} className="font-medium text-blue-700 hover:underline">
                  Edit<span className="sr-only"> sales channel {r.name}</span>
                </Link>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination basePath="/admin/settings/sales-channels" searchParams={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
      <RecentChanges changes={changes} />
    </div>
  );
}
