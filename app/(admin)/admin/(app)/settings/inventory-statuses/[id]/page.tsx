import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findInventoryStatus } from '@/db/queries/settings/inventory-statuses';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { DeleteSection } from '@/components/settings/delete-section';
import { InventoryStatusFields } from '@/components/settings/inventory-status-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { settingsAccess } from '@/lib/settings/access';
import { parseId } from '@/lib/settings/parse-id';
import { deleteInventoryStatusAction, updateInventoryStatusAction } from '../actions';

export const metadata = { title: 'Edit inventory status' };

export default async function EditInventoryStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const entryId = parseId((await params).id);
  const db = await getDb();
  const r = entryId ? await findInventoryStatus(db, { sellerId: staff.sellerId, statusId: entryId }) : null;
  if (!r) notFound();
  const changes = await recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['inventory_status'], entityId: r.id });
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`Inventory status ${r.name}`}
        trail={[
          { href: '/admin/settings/inventory-statuses', label: 'Inventory statuses' },
          { href: `/admin/settings/inventory-statuses/${r.id}`, label: r.name },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm action={updateInventoryStatusAction} submitLabel="Save inventory status">
          <input type="hidden" name="id" value={r.id} />
          <InventoryStatusFields idPrefix="entry" values={r} />
        </ActionForm>
      </section>
      <DeleteSection
        action={deleteInventoryStatusAction}
        id={r.id}
        label={`Delete inventory status ${r.name}`}
        explanation="A status that devices have, or that counts toward For Sale in Customer Portal settings, can't be deleted."
      />
      <RecentChanges changes={changes} title="Changes to this inventory status" />
    </div>
  );
}
