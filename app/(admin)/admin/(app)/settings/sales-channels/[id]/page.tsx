import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findSalesChannel } from '@/db/queries/settings/sales-channels';
import { recentSettingsChanges } from '@/db/queries/settings/recent-changes';
import { ActionForm } from '@/components/settings/action-form';
import { DeleteSection } from '@/components/settings/delete-section';
import { SalesChannelFields } from '@/components/settings/sales-channel-fields';
import { RecentChanges } from '@/components/settings/recent-changes';
import { SettingsForbidden } from '@/components/settings/settings-forbidden';
import { SettingsHeader } from '@/components/settings/settings-header';
import { settingsAccess } from '@/lib/settings/access';
import { parseId } from '@/lib/settings/parse-id';
import { deleteSalesChannelAction, updateSalesChannelAction } from '../actions';

export const metadata = { title: 'Edit sales channel' };

export default async function EditSalesChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, allowed } = await settingsAccess();
  if (!allowed) return <SettingsForbidden sellerName={staff.sellerName} />;
  const entryId = parseId((await params).id);
  const db = await getDb();
  const r = entryId ? await findSalesChannel(db, { sellerId: staff.sellerId, channelId: entryId }) : null;
  if (!r) notFound();
  const changes = await recentSettingsChanges(db, { sellerId: staff.sellerId, entityTypes: ['sales_channel'], entityId: r.id });
  return (
    <div className="max-w-4xl">
      <SettingsHeader
        title={`Sales channel ${r.name}`}
        trail={[
          { href: '/admin/settings/sales-channels', label: 'Sales channels' },
          { href: `/admin/settings/sales-channels/${r.id}`, label: r.name },
        ]}
      />
      <section className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionForm action={updateSalesChannelAction} submitLabel="Save sales channel">
          <input type="hidden" name="id" value={r.id} />
          <SalesChannelFields idPrefix="entry" values={r} />
        </ActionForm>
      </section>
      <DeleteSection
        action={deleteSalesChannelAction}
        id={r.id}
        label={`Delete sales channel ${r.name}`}
        explanation="A channel used by orders, or chosen in Customer Portal settings, can't be deleted."
      />
      <RecentChanges changes={changes} title="Changes to this sales channel" />
    </div>
  );
}
